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

    /// <summary>
    /// Many messages at once, set-based, for batch jobs: the new messages are written at once in the context's current
    /// transaction, which the caller must have begun (they commit or roll back with the caller's change). A key already
    /// saved, pending, or repeated in <paramref name="messages"/> (the first one wins) adds nothing. Returns the number
    /// of messages written.
    /// </summary>
    Task<int> EnqueueAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// The first half of <see cref="EnqueueAsync(IReadOnlyCollection{OutgoingMessage}, CancellationToken)"/>: computes
    /// the rows, needing no transaction nor query, so a batch job can do it while another unit of work holds the
    /// database's writer. Keys already saved are skipped when the rows are written.
    /// </summary>
    PreparedMessages Prepare(IReadOnlyCollection<OutgoingMessage> messages);

    /// <summary>Writes messages from <see cref="Prepare"/> in the context's current transaction; returns how many were new.</summary>
    Task<int> EnqueueAsync(PreparedMessages messages, CancellationToken cancellationToken);
}
