namespace RelanceBot.Outbox;

/// <summary>
/// A message recorded before it is sent, then claimed, sent and settled by the dispatcher. Not audited: its own
/// columns are the delivery log, and auditing every claim would double the writes of a busy dispatcher.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 2000;

    public Guid Id { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    public Guid PracticeId { get; private set; }

    public Guid? PatientId { get; private set; }

    public Guid? InvoiceId { get; private set; }

    public OutboxPurpose Purpose { get; private set; }

    public DeliveryChannel Channel { get; private set; }

    public Guid? PatientChannelId { get; private set; }

    public Guid? ConversationReferenceId { get; private set; }

    public string? RecipientChannelId { get; private set; }

    public string? RecipientId { get; private set; }

    public string? RecipientTenantId { get; private set; }

    public string? EmailAddress { get; private set; }

    public OutboxContent Content { get; private set; } = new("");

    /// <summary>The first message of a fallback chain, when this one is a fallback.</summary>
    public Guid? OriginalMessageId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public OutboxStatus Status { get; private set; }

    /// <summary>Claims so far, including those a crash interrupted.</summary>
    public int Attempts { get; private set; }

    /// <summary>When a pending message may next be claimed: its due time, then the retry back-off.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>The claim that holds the message while it is <see cref="OutboxStatus.Sending"/>.</summary>
    public Guid? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? ChannelMessageId { get; private set; }

    public string? LastError { get; private set; }

    public DeliveryTarget Target => DeliveryTarget.Restore(
        PatientChannelId, ConversationReferenceId, RecipientChannelId, RecipientId, RecipientTenantId, EmailAddress);

    private OutboxMessage()
    {
    }

    public static OutboxMessage Create(OutgoingMessage message, DateTimeOffset now, Guid? originalMessageId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Content.Text);
        var due = message.DueAt ?? now;
        var target = message.Target;
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            IdempotencyKey = message.IdempotencyKey,
            PracticeId = message.PracticeId,
            PatientId = message.PatientId,
            InvoiceId = message.InvoiceId,
            Purpose = message.Purpose,
            Channel = target.Channel,
            PatientChannelId = target.PatientChannelId,
            ConversationReferenceId = target.ConversationReferenceId,
            RecipientChannelId = target.RecipientChannelId,
            RecipientId = target.RecipientId,
            RecipientTenantId = target.RecipientTenantId,
            EmailAddress = target.EmailAddress,
            Content = message.Content,
            OriginalMessageId = originalMessageId,
            CreatedAt = now,
            DueAt = due,
            NextAttemptAt = due,
            Status = OutboxStatus.Pending,
        };
    }

    public void MarkSent(string? channelMessageId, DateTimeOffset now)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        ChannelMessageId = channelMessageId;
        LastError = null;
        ReleaseLease();
    }

    public void MarkSkipped(string reason)
    {
        Status = OutboxStatus.Skipped;
        LastError = Truncate(reason);
        ReleaseLease();
    }

    public void ScheduleRetry(string error, DateTimeOffset nextAttemptAt)
    {
        Status = OutboxStatus.Pending;
        NextAttemptAt = nextAttemptAt;
        LastError = Truncate(error);
        ReleaseLease();
    }

    public void MarkFailed(string reason)
    {
        Status = OutboxStatus.Failed;
        LastError = Truncate(reason);
        ReleaseLease();
    }

    /// <summary>Cancels a message that has not been sent yet; returns false when it is too late.</summary>
    public bool Cancel(string reason)
    {
        if (Status != OutboxStatus.Pending)
        {
            return false;
        }

        Status = OutboxStatus.Cancelled;
        LastError = Truncate(reason);
        return true;
    }

    /// <summary>Records where a failed message went next, e.g. <c>fallback: chat 403 BotNotInConversationRoster → email</c>.</summary>
    public void RecordFallback(string destination) => LastError = Truncate($"fallback: {LastError} → {destination}");

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseUntil = null;
    }

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
