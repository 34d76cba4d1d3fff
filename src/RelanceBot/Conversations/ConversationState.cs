using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>
/// Where one conversation stands between turns: its dialog stack (JSON) and the practice a web page opened it for.
/// One row per conversation, read and written once per turn. (Identity-check failures are counted beyond the
/// conversation, in <see cref="IdentityCheckThrottle"/>.)
/// </summary>
public sealed class ConversationState : IConcurrencyVersioned
{
    public const string EmptyStack = "[]";

    public Guid ConversationReferenceId { get; private set; }

    public string DialogStackJson { get; private set; } = EmptyStack;

    /// <summary>When an unfinished dialog is abandoned: the next message starts afresh.</summary>
    public DateTimeOffset? DialogExpiresAt { get; private set; }

    /// <summary>The practice whose web page opened the conversation; it scopes the identity check.</summary>
    public Guid? PracticeId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid Version { get; private set; }

    private ConversationState()
    {
    }

    public static ConversationState Start(Guid conversationReferenceId, DateTimeOffset now) => new()
    {
        ConversationReferenceId = conversationReferenceId,
        UpdatedAt = now,
    };

    public bool HasExpiredDialog(DateTimeOffset now) => DialogExpiresAt is { } expiresAt && expiresAt <= now;

    /// <summary>Keeps the stack; an empty stack has nothing to expire.</summary>
    public void SaveStack(string stackJson, TimeSpan lifetime, DateTimeOffset now)
    {
        var isEmpty = stackJson == EmptyStack;
        var expiresAt = isEmpty ? (DateTimeOffset?)null : now + lifetime;
        if (stackJson == DialogStackJson && expiresAt == DialogExpiresAt)
        {
            return;
        }

        DialogStackJson = stackJson;
        DialogExpiresAt = expiresAt;
        UpdatedAt = now;
    }

    public void OpenedFor(Guid practiceId, DateTimeOffset now)
    {
        PracticeId = practiceId;
        UpdatedAt = now;
    }
}
