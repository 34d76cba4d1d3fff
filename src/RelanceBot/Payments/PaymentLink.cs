using System.Buffers.Text;
using System.Security.Cryptography;
using RelanceBot.Auditing;

namespace RelanceBot.Payments;

/// <summary>
/// The stable pay link of one invoice, <c>/p/{token}</c>. The token is stored as is, not hashed: every reminder must
/// carry the same link, so the bot has to be able to write it again; it grants nothing but paying that invoice, and
/// dies with it (settled or cancelled). It is a bearer secret all the same: never logged in full.
/// </summary>
public sealed class PaymentLink : IAuditable
{
    /// <summary>32 random bytes (256 bits), base64url: 43 characters.</summary>
    public const int TokenLength = 43;

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid InvoiceId { get; private set; }

    [NotAudited]
    public string Token { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private PaymentLink()
    {
    }

    public static PaymentLink Issue(Guid practiceId, Guid invoiceId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PracticeId = practiceId,
        InvoiceId = invoiceId,
        Token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
        CreatedAt = now,
    };

    /// <summary>Enough to tell links apart in logs without handing anyone a usable token.</summary>
    public static string Redact(string token) => token.Length <= 6 ? "…" : $"{token[..6]}…";
}
