using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;

namespace RelanceBot.Outbox;

/// <summary>
/// Messages turned into rows by <see cref="IOutbox.Prepare"/>, ready to be written by
/// <see cref="IOutbox.EnqueueAsync(PreparedMessages, CancellationToken)"/>.
/// </summary>
public sealed class PreparedMessages
{
    internal PreparedMessages(BulkRows rows) => Rows = rows;

    internal BulkRows Rows { get; }
}
