using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using RelanceBot.Plans;

namespace RelanceBot.Collection;

/// <summary>
/// Warns staff once per invoice and clock (a <see cref="StaffAlertKind.LimitationApproaching"/> alert) when a debt still
/// owed reaches its two-year limitation within <see cref="InvoiceLimitation.WarningDays"/> days; an acknowledgement
/// restarts the clock, and the next warning comes two years later. Set-based: one query per practice.
/// </summary>
public sealed class LimitationWatch(RelanceBotDbContext db, StaffAlerts alerts, TimeProvider time)
{
    /// <summary>Debts that still stand; a recovered or paid one can no longer lapse.</summary>
    public static readonly InvoiceStatus[] Owed =
    [
        InvoiceStatus.Open, InvoiceStatus.PartiallyPaid, InvoiceStatus.Disputed, InvoiceStatus.UnderPlan,
        InvoiceStatus.HandedOver, InvoiceStatus.Returned,
    ];

    /// <returns>How many warnings were raised.</returns>
    public async Task<int> WarnAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var practices = await db.Practices.AsNoTracking().Select(practice => new { practice.Id, practice.TimeZoneId, practice.Language }).ToListAsync(cancellationToken);
        var raised = 0;
        foreach (var practice in practices)
        {
            var warnedBy = InvoiceLimitation.WarnedClockStartsBy(PracticeTime.Today(practice.TimeZoneId, now));
            var due = await db.Invoices.AsNoTracking()
                .Where(invoice => invoice.PracticeId == practice.Id && Owed.Contains(invoice.Status)
                    && (invoice.AcknowledgedOn ?? invoice.IssueDate) <= warnedBy)
                .Select(invoice => new { invoice.Id, invoice.PatientId, invoice.ExternalReference, invoice.IssueDate, invoice.AcknowledgedOn })
                .ToListAsync(cancellationToken);
            var ids = due.Select(invoice => invoice.Id).ToList();
            var warnings = await db.StaffAlerts.AsNoTracking()
                .Where(alert => alert.Kind == StaffAlertKind.LimitationApproaching && alert.InvoiceId != null && ids.Contains(alert.InvoiceId.Value))
                .Select(alert => new { InvoiceId = alert.InvoiceId!.Value, alert.CreatedAt })
                .ToListAsync(cancellationToken);
            foreach (var invoice in due)
            {
                var clockStart = invoice.AcknowledgedOn ?? invoice.IssueDate;
                // Once per clock: a warning raised after the clock last (re)started already told staff.
                if (warnings.Any(warning => warning.InvoiceId == invoice.Id
                    && PracticeTime.Today(practice.TimeZoneId, warning.CreatedAt) >= clockStart))
                {
                    continue;
                }

                var expiresOn = InvoiceLimitation.ExpiresOn(clockStart);
                var texts = alerts.TextsIn(practice.Language);
                alerts.Raise(new NewStaffAlert(
                    practice.Id,
                    StaffAlertKind.LimitationApproaching,
                    texts.Say(
                        invoice.AcknowledgedOn is null ? "limitation-approaching-issued" : "limitation-approaching-acknowledged",
                        ("invoice", invoice.ExternalReference),
                        ("date", texts.Format.Date(expiresOn))),
                    invoice.PatientId,
                    invoice.Id));
                raised++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return raised;
    }
}
