using System.ComponentModel;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Intake;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Alerts;

/// <summary><c>GET /api/v1/alerts</c>: what needs (or needed) a person, without Teams; decisions are in CadenceEndpoints.</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        api.MapGroup("/alerts").WithTags("Alerts").MapGet("/", ListAsync)
            .WithName("ListAlerts")
            .WithSummary("List the practice's staff alerts, newest first")
            .WithDescription("Filters combine; each is optional. A bad filter or page answers 400 naming the parameter. "
                + "An alert that requires a decision is approved or rejected with POST /api/v1/alerts/{id}/approve|reject.")
            .Produces<Page<AlertResponse>>()
            .ProducesValidationProblem();
        return api;
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
