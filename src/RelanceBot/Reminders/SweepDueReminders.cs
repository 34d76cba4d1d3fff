using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;

namespace RelanceBot.Reminders;

/// <summary>
/// Runs every due reminder step: reads which invoices' <see cref="ReminderSchedule.NextReminderAt"/> has come, a page
/// at a time, and hands them to <see cref="ReminderBatch"/>es, each in its own scope and unit of work.
/// </summary>
/// <remarks>
/// Two batches run at once: while one holds the database's single writer, the other reads, plans and renders, which
/// is about half a batch's work. A patient's invoices always share a batch, so concurrent batches never count the
/// same patient's contacts.
/// </remarks>
public sealed partial class SweepDueReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<SweepDueReminders> logger)
{
    public const int BatchSize = 5000;

    private const int ConcurrentBatches = 2;
    private const int PageSize = 5 * BatchSize;

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        // One instant for the whole sweep: every batch agrees on what is due.
        var now = time.GetUtcNow();
        var total = SweepResult.None;
        while (true)
        {
            var due = await DueInvoicesAsync(now, cancellationToken);
            var page = await RunBatchesAsync(Batches(due, BatchSize), now, cancellationToken);
            total = total.Add(page);
            // Done, or a batch lost a race with another sweep: its invoices are still due, the next sweep retries them.
            if (due.Count < PageSize || page.InvoicesExamined < due.Count)
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

    /// <summary>
    /// The next page of due invoices with their patients, by wake-up time. Invoices a batch has run wake up at least
    /// a <see cref="ReminderBatch.SweepInterval"/> later, so the next page starts after them.
    /// </summary>
    private async Task<List<DueInvoice>> DueInvoicesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        return await db.ReminderSchedules.AsNoTracking()
            .Where(schedule => schedule.NextReminderAt <= now)
            .OrderBy(schedule => schedule.NextReminderAt)
            .Take(PageSize)
            .Join(db.Invoices, schedule => schedule.InvoiceId, invoice => invoice.Id,
                (schedule, invoice) => new DueInvoice(invoice.Id, invoice.PatientId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Batches of at most <paramref name="batchSize"/> invoices (unless one patient has more), each patient's invoices in one batch.</summary>
    internal static IEnumerable<List<Guid>> Batches(IEnumerable<DueInvoice> due, int batchSize)
    {
        var batch = new List<Guid>(batchSize);
        foreach (var patient in due.GroupBy(invoice => invoice.PatientId))
        {
            if (batch.Count > 0 && batch.Count + patient.Count() > batchSize)
            {
                yield return batch;
                batch = new List<Guid>(batchSize);
            }

            batch.AddRange(patient.Select(invoice => invoice.InvoiceId));
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task<SweepResult> RunBatchesAsync(IEnumerable<List<Guid>> batches, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = SweepResult.None;
        var totalLock = new Lock();
        var options = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentBatches, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, options, async (invoiceIds, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var batch = await scope.ServiceProvider.GetRequiredService<ReminderBatch>().RunAsync(invoiceIds, now, token);
            lock (totalLock)
            {
                total = total.Add(batch);
            }
        });
        return total;
    }

    internal sealed record DueInvoice(Guid InvoiceId, Guid PatientId);

    [LoggerMessage(LogLevel.Information, "Reminder sweep: {Examined} invoices examined, {Messages} messages enqueued, {Alerts} staff alerts raised.")]
    private partial void LogSwept(int examined, int messages, int alerts);
}
