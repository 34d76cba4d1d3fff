namespace RelanceBot.Outbox;

/// <summary>
/// A message to record in the outbox. <see cref="IdempotencyKey"/> says what it is for, e.g.
/// <c>reminder:{stepRunId}:{stepName}</c>: enqueuing the same key twice records it once.
/// </summary>
public sealed record OutgoingMessage(
    string IdempotencyKey,
    Guid PracticeId,
    OutboxPurpose Purpose,
    DeliveryTarget Target,
    OutboxContent Content)
{
    public Guid? PatientId { get; init; }

    public Guid? InvoiceId { get; init; }

    /// <summary>Not sent before this instant; null means as soon as possible.</summary>
    public DateTimeOffset? DueAt { get; init; }
}
