using System.ComponentModel;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Conversations.Messages;
using RelanceBot.Persistence;

namespace RelanceBot.Practices;

/// <summary><c>/api/v1/practice/settings</c>: what the practice chooses for itself outside its cadence.</summary>
public static class PracticeSettingsEndpoints
{
    public sealed record PracticeSettings(
        [property: Description("The language staff read alerts, Teams cards, the digest and the preview's notes in: fr or en.")] string? Language);

    public static RouteGroupBuilder MapPracticeSettings(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/practice/settings").WithTags("Practice");
        settings.MapGet("/", GetAsync)
            .WithName("GetPracticeSettings")
            .WithSummary("Get the practice's settings")
            .Produces<PracticeSettings>();
        settings.MapPut("/", PutAsync)
            .WithName("PutPracticeSettings")
            .WithSummary("Replace the practice's settings")
            .WithDescription("Cards, the digest and alerts composed from then on use the new language; alerts already raised keep theirs.")
            .Produces<PracticeSettings>()
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, RelanceBotDbContext db, CancellationToken cancellationToken)
    {
        var language = await db.Practices.Where(practice => practice.Id == user.GetPracticeId())
            .Select(practice => practice.Language).SingleAsync(cancellationToken);
        return Results.Ok(new PracticeSettings(language.Code()));
    }

    private static async Task<IResult> PutAsync(
        PracticeSettings settings, ClaimsPrincipal user, SetPracticeLanguage setLanguage, RelanceBotDbContext db, CancellationToken cancellationToken)
    {
        var errors = await setLanguage.HandleAsync(user.GetPracticeId(), settings.Language, cancellationToken);
        return errors switch
        {
            null => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The practice no longer exists."),
            { IsEmpty: false } => Results.ValidationProblem(errors.ToDictionary()),
            _ => await GetAsync(user, db, cancellationToken),
        };
    }
}
