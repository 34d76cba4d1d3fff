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
        var invoice = alert.InvoiceId is { } invoiceId
            ? await db.Invoices.Where(i => i.Id == invoiceId)
                .Select(i => new { i.ExternalReference, Outstanding = i.AmountDueCents - i.AmountPaidCents, i.DueDate })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        return new AlertCardSubject(
            alert,
            patient,
            invoice?.ExternalReference,
            invoice?.Outstanding,
            invoice?.DueDate,
            TimeZoneInfo.FindSystemTimeZoneById(timeZoneId))
        {
            DocumentUrl = alert is { Kind: StaffAlertKind.FormalNoticeLetter, InvoiceId: { } letterInvoiceId }
                ? letterLinks.LinkFor(alert.PracticeId, letterInvoiceId)
                : null,
        };
    }
}
