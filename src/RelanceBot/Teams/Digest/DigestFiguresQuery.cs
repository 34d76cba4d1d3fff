using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Auditing;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Collection;
using RelanceBot.Persistence;
using RelanceBot.Reminders;

namespace RelanceBot.Teams.Digest;

/// <summary>Computes a practice's digest for a local day: yesterday's recoveries and reminders, the open balance by age.</summary>
public sealed class DigestFiguresQuery(RelanceBotDbContext db)
{
    private static readonly InvoiceStatus[] Outstanding = LimitationWatch.Owed;

    public async Task<DigestFigures> ComputeAsync(Guid practiceId, DateOnly localDate, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        var yesterdayStart = StartOf(localDate.AddDays(-1), timeZone);
        var todayStart = StartOf(localDate, timeZone);

        var balances = await db.Invoices
            .Where(i => i.PracticeId == practiceId && Outstanding.Contains(i.Status) && i.AmountDueCents > i.AmountPaidCents)
            .Select(i => new { Cents = i.AmountDueCents - i.AmountPaidCents, i.DueDate })
            .ToListAsync(cancellationToken);
        long SumAged(int fromDays, int toDays) => balances
            .Where(b => localDate.DayNumber - b.DueDate.DayNumber is var age && age >= fromDays && age <= toDays)
            .Sum(b => b.Cents);

        return new DigestFigures(
            localDate,
            await RecoveredAsync(practiceId, yesterdayStart, todayStart, cancellationToken),
            SumAged(int.MinValue, 30),
            SumAged(31, 60),
            SumAged(61, 90),
            SumAged(91, int.MaxValue),
            await DeliveredStepsAsync(practiceId, StepOutcome.Sent, yesterdayStart, todayStart, cancellationToken)
                // Installment reminders are no cadence step: the outbox is their delivery record.
                + await db.OutboxMessages.CountAsync(
                    m => m.PracticeId == practiceId && m.Purpose == OutboxPurpose.InstallmentReminder && m.Status == OutboxStatus.Sent
                        && m.SentAt >= yesterdayStart && m.SentAt < todayStart,
                    cancellationToken),
            await db.StaffAlerts.CountAsync(a => a.PracticeId == practiceId && a.Status == StaffAlertStatus.Open, cancellationToken),
            await DeliveredStepsAsync(practiceId, StepOutcome.Undelivered, yesterdayStart, todayStart, cancellationToken),
            await NearingLimitationAsync(practiceId, localDate, cancellationToken));
    }

    /// <summary>
    /// Cadence steps whose outcome (delivered, or never left) was recorded in the period: the delivery record, not the
    /// queue, so a message still waiting or stopped before it left never counts as sent.
    /// </summary>
    private Task<int> DeliveredStepsAsync(
        Guid practiceId, StepOutcome outcome, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        db.ReminderStepRuns
            .Where(run => run.Outcome == outcome && run.RecordedAt >= from && run.RecordedAt < to)
            .Join(db.Invoices.Where(invoice => invoice.PracticeId == practiceId), run => run.InvoiceId, invoice => invoice.Id, (run, _) => run)
            .CountAsync(cancellationToken);

    private Task<int> NearingLimitationAsync(Guid practiceId, DateOnly today, CancellationToken cancellationToken)
    {
        var warnedBy = InvoiceLimitation.WarnedClockStartsBy(today);
        return db.Invoices.CountAsync(
            invoice => invoice.PracticeId == practiceId && Outstanding.Contains(invoice.Status)
                && (invoice.AcknowledgedOn ?? invoice.IssueDate) <= warnedBy,
            cancellationToken);
    }

    /// <summary>
    /// Money received in the period, read from the audit log's changes of invoices' paid amounts: it records every
    /// payment whatever its path (API, CSV import, desk payment from Teams, online payment).
    /// </summary>
    private async Task<long> RecoveredAsync(Guid practiceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var changes = await db.AuditEntries
            .Where(e => e.PracticeId == practiceId && e.EntityType == nameof(Invoice) && e.Action == AuditAction.Updated
                && e.OccurredAt >= from && e.OccurredAt < to && e.Changes.Contains(nameof(Invoice.AmountPaidCents)))
            .Select(e => e.Changes)
            .ToListAsync(cancellationToken);
        return changes.Sum(PaidIncrease);
    }

    private static long PaidIncrease(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        if (!json.RootElement.TryGetProperty(nameof(Invoice.AmountPaidCents), out var paid)
            || !paid.TryGetProperty("old", out var before) || !before.TryGetInt64(out var oldCents)
            || !paid.TryGetProperty("new", out var after) || !after.TryGetInt64(out var newCents))
        {
            return 0;
        }

        return Math.Max(0, newCents - oldCents);
    }

    private static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo timeZone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, timeZone.GetUtcOffset(midnight));
    }
}
