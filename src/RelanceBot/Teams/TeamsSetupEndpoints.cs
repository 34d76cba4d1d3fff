using System.Security.Claims;
using RelanceBot.Practices;
using RelanceBot.Teams.Linking;

namespace RelanceBot.Teams;

/// <summary>The practice's Teams set-up through the API: its staff, and one-time codes to link a channel.</summary>
public static class TeamsSetupEndpoints
{
    public sealed record StaffRequest(string? Name, string? AadObjectId, string? Role);

    public sealed record StaffResponse(Guid Id, string Name, string AadObjectId, string Role);

    public sealed record LinkCodeResponse(string Code, DateTimeOffset ExpiresAt, string Usage);

    public static RouteGroupBuilder MapTeamsSetup(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Teams");

        teams.MapPost("/link-codes", IssueLinkCodeAsync)
            .WithName("IssueTeamsLinkCode")
            .WithSummary("Issue a one-time code to link a Teams channel")
            .WithDescription("A registered staff member mentions the bot in the channel with `link <code>`. "
                + "The code is shown once, works once and expires.")
            .Produces<LinkCodeResponse>(StatusCodes.Status201Created);

        teams.MapPost("/staff", RegisterStaffAsync)
            .WithName("RegisterStaff")
            .WithSummary("Register a staff member who acts on alert cards in Teams")
            .WithDescription("Role: Practitioner, Assistant or Manager. Only the practitioner approves a formal notice "
                + "or a hand-off to collection.")
            .Produces<StaffResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        return api;
    }

    private static async Task<IResult> IssueLinkCodeAsync(ClaimsPrincipal user, TeamsChannelLinks links, CancellationToken cancellationToken)
    {
        var issued = await links.IssueCodeAsync(user.GetPracticeId(), cancellationToken);
        return issued is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The practice no longer exists.")
            : Results.Created((string?)null, new LinkCodeResponse(issued.Code, issued.ExpiresAt, $"@RelanceBot link {issued.Code}"));
    }

    private static async Task<IResult> RegisterStaffAsync(
        StaffRequest request, ClaimsPrincipal user, RegisterStaff registerStaff, CancellationToken cancellationToken)
    {
        var result = await registerStaff.HandleAsync(user.GetPracticeId(), request.Name, request.AadObjectId, request.Role, cancellationToken);
        return result.Staff is { } staff
            ? Results.Created((string?)null, new StaffResponse(staff.Id, staff.Name, staff.AadObjectId, staff.Role.ToString()))
            : Results.ValidationProblem(result.Errors.ToDictionary());
    }
}
