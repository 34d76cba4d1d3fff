using Microsoft.EntityFrameworkCore;
using RelanceBot.Intake;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using RelanceBot.Practices;

namespace RelanceBot.Invoices;

/// <summary>
/// Creates or updates a practice's invoice from its reference; shared by the REST API and the CSV import.
/// Stages the change in the context without saving, so callers decide the transaction (one request, one file).
/// </summary>
public sealed class UpsertInvoice(RelanceBotDbContext db, TimeProvider timeProvider)
{
    // One practice per request or file: its time zone is read once.
    private (Guid PracticeId, string TimeZoneId)? _practiceZone;

    /// <param name="movePatient">
    /// The caller asks for the invoice to change patient. Without it a different patient reference is refused: a
    /// mistyped reference must not hand one patient's debt, and the reminders about it, to another.
    /// </param>
    public async Task<UpsertResult<Invoice>> HandleAsync(
        Guid practiceId, string externalReference, InvoiceRequest request, bool movePatient, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ExternalReference.Validate(externalReference, "externalReference", errors);
        var amounts = await ValidateAsync(practiceId, request, errors, cancellationToken);
        var patient = errors.IsEmpty
            ? await db.FindPatientAsync(practiceId, request.PatientReference!, cancellationToken)
            : null;
        if (amounts is null || !errors.IsEmpty)
        {
            return Upsert.Invalid<Invoice>(errors);
        }

        if (patient is null)
        {
            errors.Add("patientReference", $"No patient with reference '{request.PatientReference}'.");
            return Upsert.Invalid<Invoice>(errors);
        }

        if (patient.IsCssBeneficiary && amounts.IsFeeOverrun)
        {
            // The CSS covers the whole fee: a dépassement is never owed by its beneficiary, so it must not be chased.
            errors.Add("isFeeOverrun", "The patient is covered by the Complémentaire santé solidaire: a dépassement "
                + "d'honoraires may not be charged to them at all, so this invoice cannot be chased.");
            return Upsert.Invalid<Invoice>(errors);
        }

        var now = timeProvider.GetUtcNow();
        var invoice = await db.FindInvoiceAsync(practiceId, externalReference, cancellationToken);
        if (invoice is null)
        {
            invoice = Invoice.Create(practiceId, patient.Id, externalReference, amounts, now);
            db.Invoices.Add(invoice);
            // Its pay link from the start: every reminder carries the same one, so the sweep only ever reads it.
            db.Add(PaymentLink.Issue(practiceId, invoice.Id, now));
            return Upsert.Saved(invoice, UpsertStatus.Created);
        }

        if (invoice.Status == InvoiceStatus.Cancelled)
        {
            return Upsert.Conflict<Invoice>($"Invoice '{externalReference}' is cancelled and can no longer be updated.");
        }

        if (invoice.PatientId != patient.Id && !movePatient)
        {
            var owner = await db.Patients.Where(candidate => candidate.Id == invoice.PatientId)
                .Select(candidate => candidate.ExternalReference).SingleAsync(cancellationToken);
            return Upsert.Conflict<Invoice>($"Invoice '{externalReference}' belongs to patient '{owner}', not "
                + $"'{request.PatientReference}'. Moving an invoice to another patient must be asked for explicitly "
                + "(PUT /api/v1/invoices/{reference}?movePatient=true).");
        }

        return Upsert.Saved(
            invoice, invoice.Update(patient.Id, amounts, now) ? UpsertStatus.Updated : UpsertStatus.Unchanged);
    }

    /// <summary>Checks <paramref name="request"/> against the shared rules, dates on the practice's own calendar.</summary>
    public async Task<InvoiceAmounts?> ValidateAsync(
        Guid practiceId, InvoiceRequest request, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (_practiceZone?.PracticeId != practiceId)
        {
            var zone = await db.Practices.AsNoTracking().Where(practice => practice.Id == practiceId)
                .Select(practice => practice.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
            _practiceZone = (practiceId, zone ?? Practice.DefaultTimeZoneId);
        }

        var today = PracticeTime.Today(_practiceZone.Value.TimeZoneId, timeProvider.GetUtcNow());
        return InvoiceRequestValidator.Validate(request, today, errors);
    }
}
