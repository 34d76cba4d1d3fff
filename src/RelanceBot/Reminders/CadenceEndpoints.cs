using System.Security.Claims;
using RelanceBot.Practices;

namespace RelanceBot.Reminders;

/// <summary><c>/api/v1/cadence</c>: the practice's policy, its preview, and decisions on alerts that need one.</summary>
public static class CadenceEndpoints
{
    public static RouteGroupBuilder MapCadence(this RouteGroupBuilder api)
    {
        var cadence = api.MapGroup("/cadence").WithTags("Cadence");
        cadence.MapGet("/", GetAsync)
            .WithName("GetCadence")
            .WithSummary("Get the practice's reminder cadence (the default one, switched off, until it is saved)")
            .Produces<CadencePolicySettings>();
        cadence.MapPut("/", PutAsync)
            .WithName("PutCadence")
            .WithSummary("Replace the practice's reminder cadence")
            .WithDescription("Every invoice is replanned under the new policy at the next sweep.")
            .Produces<CadencePolicySettings>()
            .ProducesValidationProblem();
        cadence.MapGet("/preview", PreviewAsync)
            .WithName("PreviewCadence")
            .WithSummary("What would be sent, when, over the next days, with the rendered text")
            .Produces<IReadOnlyList<PreviewEntry>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapPost("/{id:guid}/approve", (Guid id, ClaimsPrincipal user, DecideApproval decide, CancellationToken ct)
                => DecideAsync(id, approve: true, user, decide, ct))
            .WithName("ApproveAlert")
            .WithSummary("Approve what the alert asks (e.g. sending a mise en demeure, handing a file to collection)")
            .WithDescription("A hand-off to collection is refused (409, the reason in detail) below the practice's legal minimum, "
                + "before a mise en demeure was delivered, or until its payment deadline has passed.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        alerts.MapPost("/{id:guid}/reject", (Guid id, ClaimsPrincipal user, DecideApproval decide, CancellationToken ct)
                => DecideAsync(id, approve: false, user, decide, ct))
            .WithName("RejectAlert")
            .WithSummary("Reject what the alert asks")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, CadencePolicies policies, CancellationToken cancellationToken) =>
        Results.Ok((await policies.GetAsync(user.GetPracticeId(), cancellationToken)).ToSettings());

    private static async Task<IResult> PutAsync(
        CadencePolicySettings settings, ClaimsPrincipal user, CadencePolicies policies, CancellationToken cancellationToken)
    {
        var errors = await policies.SaveAsync(user.GetPracticeId(), settings, cancellationToken);
        return errors.IsEmpty
            ? Results.Ok((await policies.GetAsync(user.GetPracticeId(), cancellationToken)).ToSettings())
            : Results.ValidationProblem(errors.ToDictionary());
    }

    private static async Task<IResult> PreviewAsync(
        int? days, string? invoice, ClaimsPrincipal user, PreviewCadence preview, CancellationToken cancellationToken)
    {
        if (days is not (>= 1 and <= PreviewCadence.MaxDays))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["days"] = [$"Between 1 and {PreviewCadence.MaxDays} days."],
            });
        }

        var entries = await preview.HandleAsync(user.GetPracticeId(), days.Value, invoice, cancellationToken);
        return entries is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No invoice with reference '{invoice}'.")
            : Results.Ok(entries);
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
            ApprovalOutcome.NotFound => Results.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No alert '{id}'."),
            ApprovalOutcome.NoDecisionNeeded => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "No decision needed", detail: "This alert can only be closed."),
            _ => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Already decided", detail: "Someone already decided otherwise."),
        };
    }
}
