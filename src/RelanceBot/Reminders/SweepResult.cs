namespace RelanceBot.Reminders;

/// <summary>What one sweep did: invoices looked at, messages enqueued, staff alerts raised.</summary>
public sealed record SweepResult(int InvoicesExamined, int MessagesEnqueued, int AlertsRaised)
{
    public static SweepResult None { get; } = new(0, 0, 0);

    public SweepResult Add(SweepResult other) => new(
        InvoicesExamined + other.InvoicesExamined, MessagesEnqueued + other.MessagesEnqueued, AlertsRaised + other.AlertsRaised);
}
