using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;

namespace RelanceBot.Reminders;

/// <summary>
/// Runs every due reminder step: reads which invoices' <see cref="ReminderSchedule.NextReminderAt"/> has come, a page
/// at a time, and sends each page through a pipeline: <see cref="ReminderBatch"/>es of <see cref="BatchSize"/>
/// invoices, prepared one after the other on one connection, feed one <see cref="ReminderWriter"/> on another.
/// </summary>
/// <remarks>
/// Reading, planning and rendering a batch cost about as much as writing it, and the database has one writer: with
/// small batches streaming into it, the writer starts after the first one and writes while the next is prepared, so
/// the two halves of the work share the machine's cores. One batch is prepared at a time: a second preparer took CPU
/// from the writer, which is the critical path. A patient's invoices always share a batch, so the contacts a batch
/// reads never miss one its predecessor has not committed yet.
/// </remarks>
public sealed partial class SweepDueReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<SweepDueReminders> logger)
{
    public const int BatchSize = 1000;

    /// <summary>The writer waits for the first batch alone: a smaller one gets it going sooner.</summary>
    public const int FirstBatchSize = 200;

    /// <summary>
    /// Invoices per write transaction, at least: a transaction writes each index page it touched once, so larger
    /// ones write fewer pages per row (10,000 invoices in one transaction wrote 12,000 log pages, in two 19,000).
    /// </summary>
    public const int CommitSize = 10_000;

    private const int PageSize = 25_000;

    // A short queue: prepared batches hold their rows in memory until written.
    private const int PreparedAhead = 2;

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        // One instant for the whole sweep: every batch agrees on what is due.
        var now = time.GetUtcNow();
        var total = SweepResult.None;
        while (true)
        {
            var due = await DueInvoicesAsync(now, cancellationToken);
            var page = await RunPipelineAsync(Batches(due, BatchSize, FirstBatchSize), now, cancellationToken);
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

    /// <summary>
    /// Batches of at most <paramref name="batchSize"/> invoices (the first of <paramref name="firstBatchSize"/>), unless
    /// one patient has more; each patient's invoices in one batch.
    /// </summary>
    internal static IEnumerable<List<Guid>> Batches(IEnumerable<DueInvoice> due, int batchSize, int? firstBatchSize = null)
    {
        var size = firstBatchSize ?? batchSize;
        var batch = new List<Guid>(size);
        foreach (var patient in due.GroupBy(invoice => invoice.PatientId))
        {
            if (batch.Count > 0 && batch.Count + patient.Count() > size)
            {
                yield return batch;
                size = batchSize;
                batch = new List<Guid>(size);
            }

            batch.AddRange(patient.Select(invoice => invoice.InvoiceId));
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task<SweepResult> RunPipelineAsync(IEnumerable<List<Guid>> batches, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prepared = Channel.CreateBounded<PreparedReminders>(new BoundedChannelOptions(PreparedAhead) { SingleReader = true, SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteAsync(prepared.Reader, failed);
        try
        {
            // One scope for the page's batches: a batch leaves its context tracking nothing, and the connection keeps
            // the pages the previous batches read.
            await using var scope = scopes.CreateAsyncScope();
            await using var cache = await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().WidenPageCacheAsync(failed.Token);
            foreach (var invoiceIds in batches)
            {
                if (await scope.ServiceProvider.GetRequiredService<ReminderBatch>().PrepareAsync(invoiceIds, now, failed.Token) is { } batch)
                {
                    await prepared.Writer.WriteAsync(batch, failed.Token);
                }
            }

            prepared.Writer.Complete();
        }
        catch (Exception exception)
        {
            prepared.Writer.TryComplete(exception);
            // The writer's own failure, when it is what stopped the preparation, says more than a cancellation.
            await writing;
            throw;
        }

        return await writing;
    }

    /// <summary>The pipeline's writer, in its own scope; a failure stops the preparation through <paramref name="failed"/>.</summary>
    private async Task<SweepResult> WriteAsync(ChannelReader<PreparedReminders> prepared, CancellationTokenSource failed)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReminderWriter>().WriteAsync(prepared, CommitSize, failed.Token);
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    internal sealed record DueInvoice(Guid InvoiceId, Guid PatientId);

    [LoggerMessage(LogLevel.Information, "Reminder sweep: {Examined} invoices examined, {Messages} messages enqueued, {Alerts} staff alerts raised.")]
    private partial void LogSwept(int examined, int messages, int alerts);
}
