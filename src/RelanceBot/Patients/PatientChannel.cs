using RelanceBot.Auditing;

namespace RelanceBot.Patients;

/// <summary>A way to reach a patient. Opting out is per channel: STOP by SMS does not silence e-mail.</summary>
public sealed class PatientChannel : IAuditable
{
    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>Copied from the patient so the channel's audit entries are filed under the right practice.</summary>
    public Guid PracticeId { get; private set; }

    public ChannelKind Kind { get; private set; }

    /// <summary>E.164 phone number (SMS) or e-mail address; null for chat.</summary>
    public string? Address { get; private set; }

    /// <summary>The stored Bot Framework conversation, for chat channels; for SMS, the conversation its replies arrive in.</summary>
    public Guid? ConversationReferenceId { get; private set; }

    public bool IsPreferred { get; private set; }

    public DateTimeOffset? OptedOutAt { get; private set; }

    public string? OptOutReason { get; private set; }

    public bool IsOptedOut => OptedOutAt is not null;

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private PatientChannel()
    {
    }

    internal static PatientChannel ForAddress(Patient patient, ChannelKind kind, string address, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PatientId = patient.Id,
        PracticeId = patient.PracticeId,
        Kind = kind,
        Address = address,
    };

    internal static PatientChannel ForConversation(Patient patient, Guid conversationReferenceId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PatientId = patient.Id,
        PracticeId = patient.PracticeId,
        Kind = ChannelKind.Chat,
        ConversationReferenceId = conversationReferenceId,
    };

    /// <summary>Stops all messages on this channel; opting out again keeps the first date and reason.</summary>
    public void OptOut(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (IsOptedOut)
        {
            return;
        }

        OptedOutAt = now;
        OptOutReason = reason;
    }

    internal void SetPreferred(bool isPreferred) => IsPreferred = isPreferred;

    /// <summary>The conversation this channel's replies arrive in (the <c>sms</c> conversation of its number).</summary>
    internal void AttachConversation(Guid conversationReferenceId) => ConversationReferenceId = conversationReferenceId;

    /// <summary>A new address is a new recipient: the previous address's opt-out does not carry over.</summary>
    internal void ChangeAddress(string address)
    {
        if (Address == address)
        {
            return;
        }

        Address = address;
        OptedOutAt = null;
        OptOutReason = null;
    }
}
