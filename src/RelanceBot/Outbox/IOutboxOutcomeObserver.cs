namespace RelanceBot.Outbox;

/// <summary>
/// Told of a dispatcher batch's settled messages (sent, skipped, failed with or without a fallback, or scheduled for
/// a retry) in the dispatcher's unit of work, before it is saved: a sender's own record of what happened is saved
/// with the outbox's.
/// </summary>
public interface IOutboxOutcomeObserver
{
    Task RecordAsync(IReadOnlyList<OutboxMessage> settled, CancellationToken cancellationToken);
}
