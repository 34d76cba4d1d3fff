using System.ComponentModel;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Intake;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Invoices;

public static class InvoiceEndpoints
{
    public static RouteGroupBuilder MapInvoices(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Invoices");

        invoices.MapPut("/{externalReference}", PutAsync)
            .WithName("PutInvoice")
            .WithSummary("Create or update an invoice")
            .WithDescription("Idempotent: the same body twice, even sent concurrently, leaves the same state (201 the first "
                + "time, then 200). The patient must exist. A cancelled invoice can no longer be updated (409). An existing "
                + "invoice keeps its patient unless movePatient=true is given (409 otherwise).")
            .Produces<InvoiceResponse>(StatusCodes.Status201Created)
            .Produces<InvoiceResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        invoices.MapGet("/{externalReference}", GetAsync)
            .WithName("GetInvoice")
            .WithSummary("Get an invoice")
            .Produces<InvoiceResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        invoices.MapPost("/{externalReference}/cancel", CancelAsync)
            .WithName("CancelInvoice")
            .WithSummary("Cancel an invoice")
            .WithDescription("Stops all reminders for the invoice. Idempotent: cancelling again returns the same invoice.")
            .Produces<InvoiceResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> PutAsync(
        ReferenceRouteValue externalReference,
        InvoiceRequest request,
        [Description("Set to true to move an existing invoice to the patient named in the body; refused (409) otherwise.")] bool? movePatient,
        ClaimsPrincipal user,
        UpsertInvoice upsertInvoice,
        RelanceBotDbContext db,
        CancellationToken cancellationToken) =>
        await UpsertHttpResults.SaveAsync(
            db,
            attemptCancellation => upsertInvoice.HandleAsync(
                user.GetPracticeId(), externalReference.Value, request, movePatient ?? false, attemptCancellation),
            invoice => InvoiceResponse.From(invoice, request.PatientReference!),
            $"/api/v1/invoices/{Uri.EscapeDataString(externalReference.Value)}",
            cancellationToken);

    private static async Task<IResult> GetAsync(
        ReferenceRouteValue externalReference, ClaimsPrincipal user, RelanceBotDbContext db, CancellationToken cancellationToken)
    {
        var invoice = await db.FindInvoiceAsync(user.GetPracticeId(), externalReference.Value, cancellationToken);
        return invoice is null
            ? UpsertHttpResults.NotFound("invoice", externalReference.Value)
            : Results.Ok(await ToResponseAsync(db, invoice, cancellationToken));
    }

    private static async Task<IResult> CancelAsync(
        ReferenceRouteValue externalReference,
        ClaimsPrincipal user,
        RelanceBotDbContext db,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (await db.FindInvoiceAsync(user.GetPracticeId(), externalReference.Value, cancellationToken) is not { } invoice)
        {
            return UpsertHttpResults.NotFound("invoice", externalReference.Value);
        }

        invoice.Cancel(timeProvider.GetUtcNow());
        return await db.TrySaveChangesAsync(cancellationToken)
            ? Results.Ok(await ToResponseAsync(db, invoice, cancellationToken))
            : UpsertHttpResults.ConcurrentChange();
    }

    private static async Task<InvoiceResponse> ToResponseAsync(
        RelanceBotDbContext db, Invoice invoice, CancellationToken cancellationToken)
    {
        var patientReference = await db.Patients
            .Where(patient => patient.Id == invoice.PatientId)
            .Select(patient => patient.ExternalReference)
            .SingleAsync(cancellationToken);
        return InvoiceResponse.From(invoice, patientReference);
    }
}
