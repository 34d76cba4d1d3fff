using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace RelanceBot.Delivery;

public sealed class EmailOptions
{
    public const string SectionName = "Delivery:Email";

    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    [Required, EmailAddress]
    public string SenderAddress { get; set; } = "relances@relancebot.invalid";

    public string? SenderName { get; set; }

    /// <summary>Optional: many relays on a private network accept mail without authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.StartTls;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
