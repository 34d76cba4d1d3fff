using System.Security.Claims;
using RelanceBot.Practices;

namespace RelanceBot.Reminders;

/// <summary><c>/api/v1/cadence</c>: the practice's policy and its preview.</summary>
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
}
