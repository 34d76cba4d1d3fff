using Microsoft.EntityFrameworkCore;
using RelanceBot.Invoices;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations.Flows;

/// <summary>Reads a patient's file. Every query is keyed by the conversation's own patient: nothing else is reachable.</summary>
public sealed class PatientFiles(RelanceBotDbContext db)
{
    /// <summary>The file in one query: the patient, their practice and their open invoices.</summary>
    public async Task<PatientFile> LoadAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var file = await db.Patients
            .Where(patient => patient.Id == patientId)
            .Join(db.Practices, patient => patient.PracticeId, practice => practice.Id, (patient, practice) => new
            {
                patient.FirstName,
                patient.PracticeId,
                practice.Name,
                practice.PractitionerName,
                practice.Phone,
                practice.TimeZoneId,
                Invoices = db.Invoices
                    .Where(invoice => invoice.PatientId == patient.Id
                        && (invoice.Status == InvoiceStatus.Open || invoice.Status == InvoiceStatus.PartiallyPaid))
                    .OrderBy(invoice => invoice.DueDate)
                    .Select(invoice => new OpenInvoice(
                        invoice.Id, invoice.ExternalReference, invoice.AmountDueCents - invoice.AmountPaidCents, invoice.IssueDate, invoice.DueDate))
                    .ToList(),
            })
            .AsNoTracking()
            .SingleAsync(cancellationToken);
        return new PatientFile(
            patientId, file.PracticeId, file.FirstName, file.Name, file.PractitionerName, file.Phone, file.TimeZoneId, file.Invoices);
    }

    /// <summary>The patient's open invoices, tracked for a change (a dispute, a pause) saved with the turn.</summary>
    public Task<List<Invoice>> TrackOpenInvoicesAsync(Guid patientId, IReadOnlyCollection<Guid> invoiceIds, CancellationToken cancellationToken)
        => db.Invoices
            .Where(invoice => invoice.PatientId == patientId && invoiceIds.Contains(invoice.Id)
                && (invoice.Status == InvoiceStatus.Open || invoice.Status == InvoiceStatus.PartiallyPaid))
            .ToListAsync(cancellationToken);
}
