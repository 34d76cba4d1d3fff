namespace RelanceBot.Reminders;

/// <summary>
/// Runs every due reminder step: reads the schedules whose <see cref="ReminderSchedule.NextReminderAt"/> has come, in
/// batches, each batch in its own unit of work (claims, outbox messages, alerts and next wake-ups saved together).
/// </summary>
public sealed partial class SweepDueReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<SweepDueReminders> logger)
{
    public const int BatchSize = 2000;

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        // One instant for the whole sweep: every batch agrees on what is due.
        var now = time.GetUtcNow();
        var total = SweepResult.None;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var batch = await scope.ServiceProvider.GetRequiredService<ReminderBatch>().RunAsync(now, BatchSize, cancellationToken);
            total = total.Add(batch);
            if (batch.InvoicesExamined < BatchSize)
            {
                break;
            }
        }

        if (total.InvoicesExamined > 0)
        {
            LogSwept(total.InvoicesExamined, total.MessagesEnqueued, total.AlertsRaised);
        }

        return total;
    }

    [LoggerMessage(LogLevel.Information, "Reminder sweep: {Examined} invoices examined, {Messages} messages enqueued, {Alerts} staff alerts raised.")]
    private partial void LogSwept(int examined, int messages, int alerts);
}
