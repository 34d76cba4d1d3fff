using RelanceBot.Persistence;

namespace RelanceBot.Outbox;

/// <summary>
/// Messages checked against the outbox's idempotency keys and turned into rows by <see cref="IOutbox.PrepareAsync"/>,
/// ready to be written by <see cref="IOutbox.EnqueueAsync(PreparedMessages, CancellationToken)"/>.
/// </summary>
public sealed class PreparedMessages
{
    internal PreparedMessages(BulkRows rows) => Rows = rows;

    /// <summary>How many messages will be written: those whose key was not taken yet.</summary>
    public int Count => Rows.Entities.Count;

    internal BulkRows Rows { get; }
}
