using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RelanceBot.Outbox;
using RelanceBot.Persistence;

namespace RelanceBot.Reminders;

/// <summary>
/// The sweep's single writer (one per scope): writes <see cref="PreparedReminders"/> as they come, in transactions of
/// at least <c>commitSize</c> invoices, so the database's writer works while the next batches are still being prepared.
/// </summary>
/// <remarks>
/// Claims, link tokens, messages, alerts and wake-ups of a batch always commit together, so a crash loses nothing and
/// sends nothing twice. Large commits write each index page a transaction touched once for more rows (measured: 2,500
/// invoices per commit were 15–30% slower than 5,000). A claim that another sweep saved first (a second instance)
/// rolls back the whole transaction: that sweep's work stands, ours is dropped and the next sweep retries.
/// </remarks>
public sealed partial class ReminderWriter(RelanceBotDbContext db, IReminderStorage storage, IOutbox outbox, ILogger<ReminderWriter> logger)
{
    /// <summary>Writes every batch <paramref name="batches"/> yields until it completes.</summary>
    /// <returns>What was committed.</returns>
    public async Task<SweepResult> WriteAsync(ChannelReader<PreparedReminders> batches, int commitSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        await using var cache = await db.WidenPageCacheAsync(cancellationToken);
        var committed = SweepResult.None;
        var written = SweepResult.None;
        IDbContextTransaction? transaction = null;
        try
        {
            await foreach (var batch in batches.ReadAllAsync(cancellationToken))
            {
                // Taken only once there is something to write: the writer is the whole database's.
                var open = transaction ??= await db.BeginWriteTransactionAsync(cancellationToken);
                written = written.Add(batch.Result);
                var kept = await TryAsync(() => WriteAsync(batch, cancellationToken), written);
                if (kept && written.InvoicesExamined < commitSize)
                {
                    continue;
                }

                if (kept && await TryAsync(() => open.CommitAsync(cancellationToken), written))
                {
                    committed = committed.Add(written);
                }

                // Committed or rolled back: the next batch starts a new transaction.
                transaction = null;
                await open.DisposeAsync();
                written = SweepResult.None;
                db.ChangeTracker.Clear();
            }

            if (transaction is { } last && await TryAsync(() => last.CommitAsync(cancellationToken), written))
            {
                committed = committed.Add(written);
            }

            return committed;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>False when another sweep claimed some of the transaction's steps first; the caller rolls it back.</summary>
    private async Task<bool> TryAsync(Func<Task> write, SweepResult transaction)
    {
        try
        {
            await write();
            return true;
        }
        catch (Exception exception) when (exception is DbUpdateException or DbException)
        {
            LogTransactionLost(exception, transaction.InvoicesExamined);
            return false;
        }
    }

    private async Task WriteAsync(PreparedReminders batch, CancellationToken cancellationToken)
    {
        // Claims first: a lost race fails here, before anything else of the batch is written.
        await storage.WriteAsync(batch.Rows, cancellationToken);
        await outbox.EnqueueAsync(batch.Messages, cancellationToken);

        // One update per distinct instant: invoices due on the same day under the same policy share their next
        // step's instant, so there are few.
        foreach (var (wake, invoiceIds) in batch.Wakes)
        {
            if (invoiceIds.Count > 0)
            {
                await db.Set<ReminderSchedule>().Where(schedule => EF.Parameter(invoiceIds).Contains(schedule.InvoiceId))
                    .ExecuteUpdateAsync(setters => setters.SetProperty(schedule => schedule.NextReminderAt, wake), cancellationToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "A reminder sweep lost a race with another sweep: {Invoices} invoices rolled back.")]
    private partial void LogTransactionLost(Exception exception, int invoices);
}
