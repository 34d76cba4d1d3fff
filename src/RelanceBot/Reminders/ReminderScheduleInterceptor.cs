using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;

namespace RelanceBot.Reminders;

/// <summary>
/// Wakes an invoice's <see cref="ReminderSchedule"/> in the same save as any change to the invoice (intake upsert,
/// payment, dispute, plan, pause, cancel), whoever made it, so the next sweep recomputes its next step.
/// </summary>
public sealed class ReminderScheduleInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            foreach (var (invoice, isNew) in ChangedInvoices(context))
            {
                var schedule = isNew ? null : context.Set<ReminderSchedule>().Find(invoice.Id);
                Wake(context, invoice, schedule);
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            foreach (var (invoice, isNew) in ChangedInvoices(context))
            {
                var schedule = isNew ? null : await context.Set<ReminderSchedule>().FindAsync([invoice.Id], cancellationToken);
                Wake(context, invoice, schedule);
            }
        }

        return result;
    }

    private static List<(Invoice Invoice, bool IsNew)> ChangedInvoices(DbContext context)
    {
        return
        [
            .. context.ChangeTracker.EntriesAsDetected<Invoice>()
                .Where(entry => entry.State is EntityState.Added or EntityState.Modified)
                .Select(entry => (entry.Entity, entry.State == EntityState.Added)),
        ];
    }

    private void Wake(DbContext context, Invoice invoice, ReminderSchedule? schedule)
    {
        var now = time.GetUtcNow();
        if (schedule is null)
        {
            context.Add(ReminderSchedule.For(invoice.Id, invoice.PracticeId, now));
        }
        else
        {
            schedule.WakeAt(now);
            // Inside a save, changes are no longer detected automatically (RelanceBotDbContext detected them first).
            context.Entry(schedule).DetectChanges();
        }
    }
}
