using System.Security.Claims;
using RelanceBot.Intake;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Collection;

/// <summary>
/// The collection file of a patient (CSV for an agency's import, PDF to read) and what the collection service did with
/// a handed-over invoice. Handing over itself is the approval of a CollectionHandOff alert (<c>POST /api/v1/alerts/{id}/approve</c>).
/// </summary>
public static class CollectionEndpoints
{
    public static RouteGroupBuilder MapCollection(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/patients").WithTags("Collection");
        files.MapGet("/{externalReference}/collection-file.csv", CsvAsync)
            .WithName("GetCollectionFileCsv")
            .WithSummary("The patient's collection file as CSV (UTF-8 with BOM, ';' separated) for a collection agency")
            .WithDescription("Covers the patient's invoices handed over to collection. 409 while none is.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var invoices = api.MapGroup("/invoices").WithTags("Collection");
        invoices.MapPost("/{externalReference}/collection/recovered", (ReferenceRouteValue externalReference, ClaimsPrincipal user,
                RelanceBotDbContext db, EndCollection end, TimeProvider time, CancellationToken ct)
                => EndAsync(externalReference, recovered: true, user, db, end, time, ct))
            .WithName("MarkCollectionRecovered")
            .WithSummary("The collection service recovered the handed-over invoice")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        invoices.MapPost("/{externalReference}/collection/returned", (ReferenceRouteValue externalReference, ClaimsPrincipal user,
                RelanceBotDbContext db, EndCollection end, TimeProvider time, CancellationToken ct)
                => EndAsync(externalReference, recovered: false, user, db, end, time, ct))
            .WithName("MarkCollectionReturned")
            .WithSummary("The collection service gave the file back; reminders stay stopped")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> CsvAsync(
        ReferenceRouteValue externalReference, ClaimsPrincipal user, RelanceBotDbContext db, CollectionFileQuery query,
        CancellationToken cancellationToken)
    {
        var (file, problem) = await LoadAsync(externalReference, user, db, query, cancellationToken);
        return problem ?? Results.File(
            CollectionFileCsv.Write(file!), CollectionFileCsv.ContentType, $"recouvrement-{file!.Debtor.Reference}.csv");
    }

    private static async Task<(CollectionFile? File, IResult? Problem)> LoadAsync(
        ReferenceRouteValue externalReference, ClaimsPrincipal user, RelanceBotDbContext db, CollectionFileQuery query,
        CancellationToken cancellationToken)
    {
        var practiceId = user.GetPracticeId();
        if (await db.FindPatientAsync(practiceId, externalReference.Value, cancellationToken) is not { } patient)
        {
            return (null, UpsertHttpResults.NotFound("patient", externalReference.Value));
        }

        return await query.LoadAsync(practiceId, patient, cancellationToken) is { } file
            ? (file, null)
            : (null, Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Not handed over",
                detail: "None of this patient's invoices was handed over to collection: the practitioner approves the hand-off first."));
    }

    private static async Task<IResult> EndAsync(
        ReferenceRouteValue externalReference, bool recovered, ClaimsPrincipal user, RelanceBotDbContext db, EndCollection end,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.FindInvoiceAsync(user.GetPracticeId(), externalReference.Value, cancellationToken) is not { } invoice)
        {
            return UpsertHttpResults.NotFound("invoice", externalReference.Value);
        }

        var handledBy = $"api-key:{user.FindFirstValue(PracticeClaims.ApiKeyPrefix)}";
        if (!await end.StageAsync(invoice, recovered, handledBy, null, time.GetUtcNow(), cancellationToken))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Not in collection",
                detail: $"The invoice is {invoice.Status}, not with a collection service.");
        }

        return await db.TrySaveChangesAsync(cancellationToken) ? Results.NoContent() : UpsertHttpResults.ConcurrentChange();
    }
}
