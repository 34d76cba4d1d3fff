namespace RelanceBot.Reminders;

/// <summary>
/// When the sweep should next look at an invoice. Kept apart from the invoice, on an index, so a sweep reads only
/// what is due (<c>NextReminderAt &lt;= now</c>) whatever the number of invoices.
/// </summary>
/// <remarks>
/// <see cref="NextReminderAt"/> is a wake-up time, not a promise: any change to the invoice sets it to "now" and the
/// next sweep works out the exact next step, window and quota (see <see cref="CadencePlanner"/>). Null: nothing to do
/// until the invoice changes again (paid, cancelled, disputed, under a plan, cadence finished).
/// </remarks>
public sealed class ReminderSchedule
{
    public Guid InvoiceId { get; private set; }

    public Guid PracticeId { get; private set; }

    public DateTimeOffset? NextReminderAt { get; private set; }

    private ReminderSchedule()
    {
    }

    public static ReminderSchedule For(Guid invoiceId, Guid practiceId, DateTimeOffset wakeAt) =>
        new() { InvoiceId = invoiceId, PracticeId = practiceId, NextReminderAt = wakeAt };

    public void WakeAt(DateTimeOffset? instant) => NextReminderAt = instant;
}
