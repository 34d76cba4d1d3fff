using RelanceBot.Intake;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Persistence;

namespace RelanceBot.Invoices;

/// <summary>
/// Creates or updates a practice's invoice from its reference; shared by the REST API and the CSV import.
/// Stages the change in the context without saving, so callers decide the transaction (one request, one file).
/// </summary>
public sealed class UpsertInvoice(RelanceBotDbContext db, TimeProvider timeProvider)
{
    public async Task<UpsertResult<Invoice>> HandleAsync(
        Guid practiceId, string externalReference, InvoiceRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ExternalReference.Validate(externalReference, "externalReference", errors);
        var amounts = InvoiceRequestValidator.Validate(request, errors);
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

        return Upsert.Saved(
            invoice, invoice.Update(patient.Id, amounts, now) ? UpsertStatus.Updated : UpsertStatus.Unchanged);
    }
}
