using System.ComponentModel;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Auditing;
using RelanceBot.Intake;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Plans;

/// <summary>Staff decide installment plans through the practice API (the Teams cards call the same use case).</summary>
public static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlans(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Installment plans");

        plans.MapGet("/", ListAsync)
            .WithName("ListPlans")
            .WithSummary("List the practice's installment plans, newest request first")
            .WithDescription("Filters combine; each is optional. A bad filter or page answers 400 naming the parameter.")
            .Produces<Page<PlanResponse>>()
            .ProducesValidationProblem();

        plans.MapGet("/{id:guid}", GetAsync)
            .WithName("GetPlan")
            .WithSummary("Get an installment plan")
            .Produces<PlanResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        plans.MapPost("/{id:guid}/approve", (Guid id, ClaimsPrincipal user, DecideApproval decide, DecideInstallmentPlan decidePlan, RelanceBotDbContext db, IAuditActor actor, CancellationToken cancellationToken) =>
                DecideAsync(id, PlanDecision.Approve, user, decide, decidePlan, db, actor, cancellationToken))
            .WithName("ApprovePlan")
            .WithSummary("Approve a requested installment plan")
            .WithDescription("The decision is the request's: every plan the patient asked for with this one (one per invoice) is "
                + "approved with it, the invoices go under their plans and the patient is sent, once, the link for each first installment. "
                + "A plan already decided answers 409, as does a plan whose invoice was settled, cancelled or disputed since the "
                + "request: that plan is cancelled and the patient is told nothing.")
            .Produces<PlanResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        plans.MapPost("/{id:guid}/reject", (Guid id, ClaimsPrincipal user, DecideApproval decide, DecideInstallmentPlan decidePlan, RelanceBotDbContext db, IAuditActor actor, CancellationToken cancellationToken) =>
                DecideAsync(id, PlanDecision.Reject, user, decide, decidePlan, db, actor, cancellationToken))
            .WithName("RejectPlan")
            .WithSummary("Reject a requested installment plan")
            .WithDescription("Every plan of the same request is rejected with it and reminders resume. A plan already decided, or whose invoice was settled, cancelled or disputed "
                + "meanwhile (the plan is then cancelled), answers 409.")
            .Produces<PlanResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    private static async Task<IResult> ListAsync(
        [Description("Only plans in this status (Requested, Approved, Rejected, Active, Completed, Failed, Cancelled).")] string? status,
        [Description("Only the plans of the invoice with this reference.")] string? invoice,
        [Description("Rows to skip (default 0).")] string? offset,
        [Description("Rows to return, 1 to 200 (default 50).")] string? limit,
        ClaimsPrincipal user,
        RelanceBotDbContext db,
        CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var wanted = query.Enum<InstallmentPlanStatus>(status, "status");
        var invoiceReference = query.Reference(invoice, "invoice");
        var page = query.Page(offset, limit);
        if (!query.Errors.IsEmpty)
        {
            return query.Problem();
        }

        var practiceId = user.GetPracticeId();
        var plans = db.Set<InstallmentPlan>().AsNoTracking().Where(plan => plan.PracticeId == practiceId);
        if (wanted is { } wantedStatus)
        {
            plans = plans.Where(plan => plan.Status == wantedStatus);
        }

        if (invoiceReference is not null)
        {
            plans = plans.Where(plan => db.Invoices.Any(candidate =>
                candidate.Id == plan.InvoiceId && candidate.PracticeId == practiceId && candidate.ExternalReference == invoiceReference));
        }

        return Results.Ok(await page.ReadAsync(
            plans.OrderByDescending(plan => plan.RequestedAt).ThenByDescending(plan => plan.Id), PlanResponse.From, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, RelanceBotDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, user.GetPracticeId(), id, cancellationToken) is { } plan
            ? Results.Ok(PlanResponse.From(plan))
            : PlanNotFound(id);

    /// <summary>A plan's request is decided through its approval alert, as from the alerts API or a Teams card.</summary>
    private static async Task<IResult> DecideAsync(
        Guid id,
        PlanDecision decision,
        ClaimsPrincipal user,
        DecideApproval decide,
        DecideInstallmentPlan decidePlan,
        RelanceBotDbContext db,
        IAuditActor actor,
        CancellationToken cancellationToken)
    {
        var practiceId = user.GetPracticeId();
        if (await FindAsync(db, practiceId, id, cancellationToken) is not { } plan)
        {
            return PlanNotFound(id);
        }

        if (plan.Status != InstallmentPlanStatus.Requested)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Plan already decided",
                detail: "This installment plan was already approved or rejected.");
        }

        var closure = plan.ApprovalAlertId is { } alertId
            ? (await decide.HandleAsync(practiceId, alertId, decision == PlanDecision.Approve, actor.Name, null, cancellationToken)).Closure
            : (await decidePlan.HandleAsync(plan, decision, actor.Name, cancellationToken)).Closure;
        return closure is { } closed
            ? Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Invoice closed",
                detail: $"The invoice is {Describe(closed)}: this installment plan was cancelled and the patient was not told anything.")
            : Results.Ok(PlanResponse.From((await FindAsync(db, practiceId, id, cancellationToken))!));
    }

    private static string Describe(InvoiceClosure closure) => closure switch
    {
        InvoiceClosure.Settled => "already paid",
        InvoiceClosure.Cancelled => "cancelled",
        _ => "disputed",
    };

    private static Task<InstallmentPlan?> FindAsync(RelanceBotDbContext db, Guid practiceId, Guid id, CancellationToken cancellationToken) =>
        db.Set<InstallmentPlan>().SingleOrDefaultAsync(plan => plan.Id == id && plan.PracticeId == practiceId, cancellationToken);

    private static IResult PlanNotFound(Guid id) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found",
        detail: $"No installment plan {id}.");
}
