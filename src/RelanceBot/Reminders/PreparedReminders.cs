using RelanceBot.Outbox;

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
        ReminderRows rows,
        PreparedMessages messages,
        IReadOnlyList<(DateTimeOffset? At, List<Guid> InvoiceIds)> wakes)
    {
        Result = result;
        Rows = rows;
        Messages = messages;
        Wakes = wakes;
    }

    /// <summary>What writing this batch does; <see cref="SweepResult.InvoicesExamined"/> is its size.</summary>
    public SweepResult Result { get; }

    /// <summary>Claims, link tokens and the tracked changes (alerts, pay links, approved steps now sent).</summary>
    internal ReminderRows Rows { get; }

    internal PreparedMessages Messages { get; }

    /// <summary>Invoices by next wake-up (null: none planned).</summary>
    internal IReadOnlyList<(DateTimeOffset? At, List<Guid> InvoiceIds)> Wakes { get; }
}
