using System.ComponentModel;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelanceBot.FormalNotices;
using RelanceBot.Intake;
using RelanceBot.Persistence;
using RelanceBot.Plans;
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

        invoices.MapGet("/", ListAsync)
            .WithName("ListInvoices")
            .WithSummary("List the practice's invoices, oldest due date first")
            .WithDescription("Filters combine; each is optional. A bad filter or page answers 400 naming the parameter.")
            .Produces<Page<InvoiceResponse>>()
            .ProducesValidationProblem();

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

    private static async Task<IResult> ListAsync(
        [Description("Only invoices in this status (Open, PartiallyPaid, Paid, Cancelled, Disputed, UnderPlan…).")] string? status,
        [Description("Only invoices at least this many days past their due date (in the practice's time zone).")] string? minDaysOverdue,
        [Description("Only invoices at most this many days past their due date.")] string? maxDaysOverdue,
        [Description("Only the invoices of the patient with this reference.")] string? patient,
        [Description("Rows to skip (default 0).")] string? offset,
        [Description("Rows to return, 1 to 200 (default 50).")] string? limit,
        ClaimsPrincipal user,
        RelanceBotDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var wanted = query.Enum<InvoiceStatus>(status, "status");
        var minDays = query.WholeNumber(minDaysOverdue, "minDaysOverdue", 0, MaxDaysOverdue);
        var maxDays = query.WholeNumber(maxDaysOverdue, "maxDaysOverdue", 0, MaxDaysOverdue);
        if (minDays > maxDays)
        {
            query.Errors.Add("maxDaysOverdue", "Cannot be below minDaysOverdue.");
        }

        var patientReference = query.Reference(patient, "patient");
        var page = query.Page(offset, limit);
        if (!query.Errors.IsEmpty)
        {
            return query.Problem();
        }

        var practiceId = user.GetPracticeId();
        var timeZoneId = await db.Practices.Where(practice => practice.Id == practiceId).Select(practice => practice.TimeZoneId)
            .SingleAsync(cancellationToken);
        var today = PracticeTime.Today(timeZoneId, time.GetUtcNow());
        var rows = db.Invoices.AsNoTracking().Where(invoice => invoice.PracticeId == practiceId)
            .Join(db.Patients, invoice => invoice.PatientId, owner => owner.Id, (invoice, owner) => new { Invoice = invoice, owner.ExternalReference });
        if (wanted is { } wantedStatus)
        {
            rows = rows.Where(row => row.Invoice.Status == wantedStatus);
        }

        if (minDays is { } min)
        {
            var dueAtLatest = today.AddDays(-min);
            rows = rows.Where(row => row.Invoice.DueDate <= dueAtLatest);
        }

        if (maxDays is { } max)
        {
            var dueAtEarliest = today.AddDays(-max);
            rows = rows.Where(row => row.Invoice.DueDate >= dueAtEarliest);
        }

        if (patientReference is not null)
        {
            rows = rows.Where(row => row.ExternalReference == patientReference);
        }

        return Results.Ok(await page.ReadAsync(
            rows.OrderBy(row => row.Invoice.DueDate).ThenBy(row => row.Invoice.Id),
            row => InvoiceResponse.From(row.Invoice, row.ExternalReference),
            cancellationToken));
    }

    /// <summary>About a century: enough for any real invoice, and never past the calendar's start.</summary>
    private const int MaxDaysOverdue = 36_500;

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
        var notice = await db.Set<FormalNotice>().AsNoTracking()
            .Where(candidate => candidate.InvoiceId == invoice.Id)
            .OrderByDescending(candidate => candidate.IssuedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return InvoiceResponse.From(invoice, patientReference, notice is null ? null : FormalNoticeResponse.From(notice));
    }
}
