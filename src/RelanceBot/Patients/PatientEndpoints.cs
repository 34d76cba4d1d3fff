using System.Security.Claims;
using RelanceBot.Intake;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Patients;

public static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatients(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/patients").WithTags("Patients");

        patients.MapPut("/{externalReference}", PutAsync)
            .WithName("PutPatient")
            .WithSummary("Create or update a patient")
            .WithDescription("Idempotent: the same body twice leaves the same state (201 the first time, then 200). "
                + "Putting a deactivated patient reactivates it.")
            .Produces<PatientResponse>(StatusCodes.Status201Created)
            .Produces<PatientResponse>()
            .ProducesValidationProblem();

        patients.MapGet("/{externalReference}", GetAsync)
            .WithName("GetPatient")
            .WithSummary("Get a patient")
            .Produces<PatientResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        patients.MapDelete("/{externalReference}", DeactivateAsync)
            .WithName("DeactivatePatient")
            .WithSummary("Deactivate a patient")
            .WithDescription("The patient is never contacted again; their record and invoices are kept for the "
                + "practice's books and the audit log. Idempotent. A later PUT reactivates the patient.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> PutAsync(
        ReferenceRouteValue externalReference,
        PatientRequest request,
        ClaimsPrincipal user,
        UpsertPatient upsertPatient,
        RelanceBotDbContext db,
        CancellationToken cancellationToken) =>
        await UpsertHttpResults.SaveAsync(
            db,
            attemptCancellation => upsertPatient.HandleAsync(user.GetPracticeId(), externalReference.Value, request, attemptCancellation),
            PatientResponse.From, $"/api/v1/patients/{Uri.EscapeDataString(externalReference.Value)}", cancellationToken);

    private static async Task<IResult> GetAsync(
        ReferenceRouteValue externalReference, ClaimsPrincipal user, RelanceBotDbContext db, CancellationToken cancellationToken) =>
        await db.FindPatientAsync(user.GetPracticeId(), externalReference.Value, cancellationToken) is { } patient
            ? Results.Ok(PatientResponse.From(patient))
            : UpsertHttpResults.NotFound("patient", externalReference.Value);

    private static async Task<IResult> DeactivateAsync(
        ReferenceRouteValue externalReference,
        ClaimsPrincipal user,
        RelanceBotDbContext db,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (await db.FindPatientAsync(user.GetPracticeId(), externalReference.Value, cancellationToken) is not { } patient)
        {
            return UpsertHttpResults.NotFound("patient", externalReference.Value);
        }

        patient.Deactivate(timeProvider.GetUtcNow());
        return await db.TrySaveChangesAsync(cancellationToken)
            ? Results.NoContent()
            : UpsertHttpResults.ConcurrentChange();
    }
}
