using System.ComponentModel;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Intake;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Alerts;

/// <summary><c>/api/v1/alerts</c>: what needs (or needed) a person, without Teams, and the decisions on those that need one.</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAsync)
            .WithName("ListAlerts")
            .WithSummary("List the practice's staff alerts, newest first")
            .WithDescription("Filters combine; each is optional. A bad filter or page answers 400 naming the parameter. "
                + "An alert that requires a decision is approved or rejected with POST /api/v1/alerts/{id}/approve|reject.")
            .Produces<Page<AlertResponse>>()
            .ProducesValidationProblem();
        alerts.MapPost("/{id:guid}/approve", (Guid id, ClaimsPrincipal user, DecideApproval decide, CancellationToken ct)
                => DecideAsync(id, approve: true, user, decide, ct))
            .WithName("ApproveAlert")
            .WithSummary("Approve what the alert asks (a patient's installment plan, sending a mise en demeure, handing a file to collection)")
            .WithDescription("A plan request is approved for every invoice it covers, and the patient is told once. "
                + "A hand-off to collection is refused (409, the reason in detail) below the practice's legal minimum, "
                + "before a mise en demeure was delivered, or until its payment deadline has passed. A plan request whose "
                + "invoices were all settled, cancelled or disputed since answers 409: its plans are cancelled, the patient told nothing.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        alerts.MapPost("/{id:guid}/reject", (Guid id, ClaimsPrincipal user, DecideApproval decide, CancellationToken ct)
                => DecideAsync(id, approve: false, user, decide, ct))
            .WithName("RejectAlert")
            .WithSummary("Reject what the alert asks")
            .WithDescription("A plan request is rejected for every invoice it covers: their reminders resume, and the patient is told once.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> DecideAsync(
        Guid id, bool approve, ClaimsPrincipal user, DecideApproval decide, CancellationToken cancellationToken)
    {
        var handledBy = $"api-key:{user.FindFirstValue(PracticeClaims.ApiKeyPrefix)}";
        var result = await decide.HandleAsync(user.GetPracticeId(), id, approve, handledBy, null, cancellationToken);
        return result.Outcome switch
        {
            ApprovalOutcome.Decided => Results.NoContent(),
            ApprovalOutcome.Refused => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Not allowed yet", detail: result.Refusal!.Detail),
            ApprovalOutcome.Overtaken => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Invoice closed",
                detail: "The request's invoices were settled, cancelled or disputed since: its installment plans were cancelled and the patient was not told anything."),
            ApprovalOutcome.NotFound => Results.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No alert '{id}'."),
            ApprovalOutcome.NoDecisionNeeded => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "No decision needed", detail: "This alert can only be closed."),
            _ => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Already decided", detail: "Someone already decided otherwise."),
        };
    }

    private static async Task<IResult> ListAsync(
        [Description("open: still waiting for someone; decided: approved, rejected or closed.")] string? status,
        [Description("Only alerts of this kind (Escalation, FormalNoticeApproval, CollectionHandOff, PlanApproval…).")] string? kind,
        [Description("Rows to skip (default 0).")] string? offset,
        [Description("Rows to return, 1 to 200 (default 50).")] string? limit,
        ClaimsPrincipal user,
        RelanceBotDbContext db,
        CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var state = query.Enum<AlertState>(status, "status");
        var wantedKind = query.Enum<StaffAlertKind>(kind, "kind");
        var page = query.Page(offset, limit);
        if (!query.Errors.IsEmpty)
        {
            return query.Problem();
        }

        var practiceId = user.GetPracticeId();
        var alerts = db.StaffAlerts.AsNoTracking().Where(alert => alert.PracticeId == practiceId);
        alerts = state switch
        {
            AlertState.Open => alerts.Where(alert => alert.Status == StaffAlertStatus.Open),
            AlertState.Decided => alerts.Where(alert => alert.Status != StaffAlertStatus.Open),
            _ => alerts,
        };
        if (wantedKind is { } alertKind)
        {
            alerts = alerts.Where(alert => alert.Kind == alertKind);
        }

        var rows =
            from alert in alerts
            join invoice in db.Invoices on alert.InvoiceId equals invoice.Id into invoices
            from invoice in invoices.DefaultIfEmpty()
            join patient in db.Patients on alert.PatientId equals patient.Id into patients
            from patient in patients.DefaultIfEmpty()
            select new { Alert = alert, InvoiceReference = invoice.ExternalReference, PatientReference = patient.ExternalReference };
        return Results.Ok(await page.ReadAsync(
            rows.OrderByDescending(row => row.Alert.CreatedAt).ThenByDescending(row => row.Alert.Id),
            row => AlertResponse.From(row.Alert, row.InvoiceReference, row.PatientReference),
            cancellationToken));
    }
}
