using RelanceBot.Auditing;

namespace RelanceBot.Conversations;

/// <summary>
/// A Bot Framework conversation reference, stored so the bot can write first (proactive messages). The useful fields
/// are broken out for queries; <see cref="ReferenceJson"/> keeps the raw reference so nothing the channel sent is lost.
/// </summary>
public sealed class ConversationReferenceRecord : IAuditable
{
    public Guid Id { get; set; }

    public string ChannelId { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public string ServiceUrl { get; set; } = "";

    public string? TenantId { get; set; }

    public string? ConversationType { get; set; }

    public bool IsGroup { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string? UserAadObjectId { get; set; }

    public string? BotId { get; set; }

    public string? BotName { get; set; }

    public string? Locale { get; set; }

    [NotAudited]
    public string ReferenceJson { get; set; } = "{}";

    /// <summary>The patient this conversation belongs to, once a link token has bound them.</summary>
    public Guid? PatientId { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    [NotAudited]
    public DateTimeOffset LastSeenAt { get; set; }

    // Conversations are bound to a patient, not yet to a practice.
    Guid? IAuditable.AuditPracticeId => null;

    // A conversation nobody has identified in is the bot's own record of where to answer (every first "bonjour" makes
    // one); it enters the log when it is bound to a patient. Nothing unbinds a conversation.
    bool IAuditable.IsAudited => PatientId is not null;
}
