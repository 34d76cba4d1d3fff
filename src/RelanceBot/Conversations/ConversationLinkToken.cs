using RelanceBot.Auditing;

namespace RelanceBot.Conversations;

/// <summary>
/// A single-use token, sent to a patient by SMS or e-mail, that binds the chat conversation they open to their record.
/// Only the SHA-256 hash of the (≥128-bit random) token is stored.
/// </summary>
public sealed class ConversationLinkToken : IAuditable
{
    public Guid Id { get; set; }

    /// <summary>Lowercase hex SHA-256 of the token.</summary>
    [NotAudited]
    public string TokenHash { get; set; } = "";

    public Guid PatientId { get; set; }

    public Guid? InvoiceId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public Guid? UsedByConversationReferenceId { get; set; }

    // Conversations are bound to a patient, not yet to a practice.
    Guid? IAuditable.AuditPracticeId => null;
}
