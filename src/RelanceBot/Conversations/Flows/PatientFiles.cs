using Microsoft.EntityFrameworkCore;
using RelanceBot.Invoices;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations.Flows;

/// <summary>Reads a patient's file. Every query is keyed by the conversation's own patient: nothing else is reachable.</summary>
public sealed class PatientFiles(RelanceBotDbContext db)
{
    /// <summary>
    /// The file in one query, compiled: every turn of a bound conversation reads it. Enumerated rather than ended with
    /// <c>Single</c>, which would nest the patient in a <c>LIMIT</c> subquery that SQLite takes half again as long to
    /// prepare (the key is unique: there is one row or none).
    /// </summary>
    private static readonly CompiledQuery<Func<RelanceBotDbContext, Guid, IAsyncEnumerable<PatientFile>>> LoadFile = new(() =>
        EF.CompileAsyncQuery((RelanceBotDbContext context, Guid patientId) =>
            context.Patients
                .AsNoTracking()
                .Where(patient => patient.Id == patientId)
                .Join(context.Practices, patient => patient.PracticeId, practice => practice.Id, (patient, practice) => new PatientFile(
                    patient.Id,
                    patient.PracticeId,
                    patient.FirstName,
                    practice.Name,
                    practice.PractitionerName,
                    practice.Phone,
                    practice.OpeningHours,
                    practice.TimeZoneId,
                    patient.Language,
                    patient.PhoneE164 != null,
                    context.Invoices
                        .Where(invoice => invoice.PatientId == patient.Id
                            && (invoice.Status == InvoiceStatus.Open || invoice.Status == InvoiceStatus.PartiallyPaid))
                        .OrderBy(invoice => invoice.DueDate)
                        .Select(invoice => new OpenInvoice(
                            invoice.Id, invoice.ExternalReference, invoice.AmountDueCents - invoice.AmountPaidCents, invoice.IssueDate, invoice.DueDate))
                        .ToList()))));

    /// <summary>The patient, their practice and their open invoices.</summary>
    public async Task<PatientFile> LoadAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await foreach (var file in LoadFile.For(db)(db, patientId).WithCancellation(cancellationToken))
        {
            return file;
        }

        throw new InvalidOperationException($"Patient {patientId} does not exist.");
    }

    /// <summary>The patient's open invoices, tracked for a change (a dispute, a pause) saved with the turn.</summary>
    public Task<List<Invoice>> TrackOpenInvoicesAsync(Guid patientId, IReadOnlyCollection<Guid> invoiceIds, CancellationToken cancellationToken)
        => db.Invoices
            .Where(invoice => invoice.PatientId == patientId && invoiceIds.Contains(invoice.Id)
                && (invoice.Status == InvoiceStatus.Open || invoice.Status == InvoiceStatus.PartiallyPaid))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Pauses the reminders of those of <paramref name="invoiceIds"/> still open until <paramref name="until"/> (saved
    /// with the caller's unit of work); returns them, none when all were settled meanwhile.
    /// </summary>
    public async Task<List<Invoice>> PauseOpenInvoicesAsync(
        Guid patientId, IReadOnlyCollection<Guid> invoiceIds, DateTimeOffset until, ReminderPauseReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invoices = await TrackOpenInvoicesAsync(patientId, invoiceIds, cancellationToken);
        foreach (var invoice in invoices)
        {
            invoice.PauseReminders(until, reason, now);
        }

        return invoices;
    }
}
