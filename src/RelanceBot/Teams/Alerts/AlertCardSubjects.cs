using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.FormalNotices;
using RelanceBot.Persistence;

namespace RelanceBot.Teams.Alerts;

/// <summary>Loads what an alert card shows.</summary>
public sealed class AlertCardSubjects(RelanceBotDbContext db, FormalNoticeStaffLinks letterLinks)
{
    public async Task<AlertCardSubject> LoadAsync(StaffAlert alert, CancellationToken cancellationToken)
    {
        var timeZoneId = await db.Practices.Where(p => p.Id == alert.PracticeId).Select(p => p.TimeZoneId).SingleAsync(cancellationToken);
        var patient = alert.PatientId is { } patientId
            ? await db.Patients.Where(p => p.Id == patientId).Select(p => p.FirstName + " " + p.LastName).SingleOrDefaultAsync(cancellationToken)
            : null;
        // A request or claim over several invoices shows them all: their references, what is left on them in all, and
        // the age of the oldest.
        var invoiceIds = alert.CoveredInvoiceIds;
        var invoices = await db.Invoices.Where(i => invoiceIds.Contains(i.Id))
            .Select(i => new { i.ExternalReference, Outstanding = i.AmountDueCents - i.AmountPaidCents, i.DueDate })
            .ToListAsync(cancellationToken);
        var ordered = invoices.OrderBy(i => i.ExternalReference, StringComparer.Ordinal).ToList();
        return new AlertCardSubject(
            alert,
            patient,
            ordered.Count == 0 ? null : string.Join(", ", ordered.Select(i => i.ExternalReference)),
            ordered.Count == 0 ? null : ordered.Sum(i => i.Outstanding),
            ordered.Count == 0 ? null : ordered.Min(i => i.DueDate),
            TimeZoneInfo.FindSystemTimeZoneById(timeZoneId))
        {
            InvoiceCount = ordered.Count,
            DocumentUrl = alert is { Kind: StaffAlertKind.FormalNoticeLetter, InvoiceId: { } letterInvoiceId }
                ? letterLinks.LinkFor(alert.PracticeId, letterInvoiceId)
                : null,
        };
    }
}
