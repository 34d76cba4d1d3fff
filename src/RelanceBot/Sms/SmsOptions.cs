using System.ComponentModel.DataAnnotations;

namespace RelanceBot.Sms;

/// <summary>Which SMS provider sends the patients' text messages and receives their replies.</summary>
public enum SmsProvider
{
    /// <summary>No SMS: patients with a phone number are reached by e-mail (or their other channels) instead.</summary>
    None,

    /// <summary>Twilio, through its official library, with the account below.</summary>
    Twilio,

    /// <summary>The same library against the bot's own fake of Twilio's REST API (<c>/_demo/twilio</c>): no account needed.</summary>
    Demo,
}

public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    public SmsProvider Provider { get; set; } = SmsProvider.None;

    [Required]
    public TwilioSmsOptions Twilio { get; set; } = new();

    /// <summary>Whether a patient can be reached by SMS at all.</summary>
    public bool IsEnabled => Provider != SmsProvider.None;
}

public sealed class TwilioSmsOptions
{
    /// <summary>The account (<c>AC…</c>) in the REST paths; also the REST user unless <see cref="ApiKeySid"/> is set.</summary>
    public string AccountSid { get; set; } = "";

    /// <summary>The account's Auth Token: REST password (without an API key) and, always, the webhook signing key.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>Optional API key (<c>SK…</c>) and secret for REST calls; webhooks are still checked with the Auth Token.</summary>
    public string? ApiKeySid { get; set; }

    public string? ApiKeySecret { get; set; }

    /// <summary>The sender: a two-way number or short code in E.164 (French rules: see docs/sms.md); or a Messaging Service.</summary>
    public string? FromNumber { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>Twilio's API host; tests point it at a fake on 127.0.0.1 (the library has no setting for it).</summary>
    [Required]
    public Uri ApiBase { get; set; } = new("https://api.twilio.com");

    /// <summary>The library has no cancellation: this HTTP timeout is the only bound on a send.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A reminder still queued at Twilio after this is dropped rather than delivered at night (seconds, 1–36000).</summary>
    [Range(1, 36000)]
    public int ValidityPeriodSeconds { get; set; } = 4 * 3600;
}
