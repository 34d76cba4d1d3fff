using RelanceBot.Outbox;
using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;

namespace RelanceBot.Reminders;

/// <summary>
/// A <see cref="ReminderBatch"/> planned and rendered, everything computed, left for <see cref="ReminderWriter"/>
/// to write: claims, link tokens, messages, the rare tracked changes (alerts, approved steps now sent) and the
/// invoices' next wake-ups.
/// </summary>
public sealed class PreparedReminders
{
    internal PreparedReminders(
        SweepResult result,
        BulkRows claims,
        BulkRows links,
        PreparedMessages messages,
        PendingChanges changes,
        IReadOnlyList<(DateTimeOffset? At, List<Guid> InvoiceIds)> wakes)
    {
        Result = result;
        Claims = claims;
        Links = links;
        Messages = messages;
        Changes = changes;
        Wakes = wakes;
    }

    /// <summary>What writing this batch does; <see cref="SweepResult.InvoicesExamined"/> is its size.</summary>
    public SweepResult Result { get; }

    internal BulkRows Claims { get; }

    internal BulkRows Links { get; }

    internal PreparedMessages Messages { get; }

    internal PendingChanges Changes { get; }

    /// <summary>Invoices by next wake-up (null: none planned).</summary>
    internal IReadOnlyList<(DateTimeOffset? At, List<Guid> InvoiceIds)> Wakes { get; }
}
