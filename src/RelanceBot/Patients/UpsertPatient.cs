using RelanceBot.Intake;
using RelanceBot.Persistence;

namespace RelanceBot.Patients;

/// <summary>
/// Creates or updates a practice's patient from its reference; shared by the REST API and the CSV import.
/// Stages the change in the context without saving, so callers decide the transaction (one request, one file).
/// </summary>
public sealed class UpsertPatient(RelanceBotDbContext db, TimeProvider timeProvider)
{
    public async Task<UpsertResult<Patient>> HandleAsync(
        Guid practiceId, string externalReference, PatientRequest request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var errors = new FieldErrors();
        var details = Validate(externalReference, request, now, errors);
        if (details is null || !errors.IsEmpty)
        {
            return Upsert.Invalid<Patient>(errors);
        }

        var patient = await db.FindPatientAsync(practiceId, externalReference, cancellationToken);
        if (patient is null)
        {
            patient = Patient.Create(practiceId, externalReference, details, now);
            db.Patients.Add(patient);
            return Upsert.Saved(patient, UpsertStatus.Created);
        }

        return Upsert.Saved(
            patient, patient.Update(details, now) ? UpsertStatus.Updated : UpsertStatus.Unchanged);
    }

    /// <summary>The faults of a request, staging nothing (the import reports a whole row at once).</summary>
    public FieldErrors Check(string externalReference, PatientRequest request)
    {
        var errors = new FieldErrors();
        Validate(externalReference, request, timeProvider.GetUtcNow(), errors);
        return errors;
    }

    private static PatientDetails? Validate(string externalReference, PatientRequest request, DateTimeOffset now, FieldErrors errors)
    {
        ExternalReference.Validate(externalReference, "externalReference", errors);
        return PatientRequestValidator.Validate(request, DateOnly.FromDateTime(now.UtcDateTime), errors);
    }
}
