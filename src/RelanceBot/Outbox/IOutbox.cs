namespace RelanceBot.Outbox;

/// <summary>Records messages to send in the caller's unit of work: a message exists exactly when the change that caused it does.</summary>
public interface IOutbox
{
    /// <summary>
    /// Adds the message to the current scoped DbContext; the caller saves, in the same transaction as its own change.
    /// Returns false, adding nothing, when a message with the same idempotency key already exists (saved or pending in
    /// this unit of work). Two units of work racing on one key: the unique index makes the second save fail.
    /// </summary>
    Task<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
