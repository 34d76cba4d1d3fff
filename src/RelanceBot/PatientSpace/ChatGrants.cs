using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework.DirectLine;
using RelanceBot.Conversations;

namespace RelanceBot.PatientSpace;

/// <summary>
/// <c>POST /p/{token}/chat</c> (the page's script, with the antiforgery header): a Direct Line token for a new
/// conversation already tied to this space's patient. Built in: the conversation carries the space's binding, which
/// <see cref="PatientBot"/> reads, so the bot greets the patient by name with no code to type. With an Azure secret:
/// Azure mints the token, and a single-use link token goes with it for Web Chat to send as the
/// <see cref="PatientBot.LinkEventName"/> event (Azure's Direct Line carries no binding the bot could trust).
/// </summary>
internal static class ChatGrants
{
    private static readonly TimeSpan LinkTokenLifetime = TimeSpan.FromMinutes(30);

    public static bool IsAvailable(IServiceProvider services)
        => services.GetRequiredService<IOptions<AzureDirectLineOptions>>().Value.UsesAzure
            || services.GetRequiredService<IOptions<DirectLineOptions>>().Value.Enabled;

    public static async Task<IResult> CreateAsync(string token, HttpContext http)
    {
        var services = http.RequestServices;
        var forms = services.GetRequiredService<SpaceForms>();
        var (visit, refusal) = await forms.OpenAsync(token, http.Request.Query["lang"], http.RequestAborted);
        if (visit is null)
        {
            return StatusProblem(StatusCodes.Status404NotFound, "No patient space at this address.");
        }

        if (!await services.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().IsRequestValidAsync(http))
        {
            return StatusProblem(StatusCodes.Status400BadRequest, "The page's antiforgery token is missing or expired: reload the page.");
        }

        if (!IsAvailable(services))
        {
            return StatusProblem(StatusCodes.Status404NotFound, "The chat is not enabled on this server.");
        }

        var locale = visit.Language == Conversations.Messages.BotLanguage.English ? "en-GB" : "fr-FR";
        var azure = services.GetRequiredService<IOptions<AzureDirectLineOptions>>().Value;
        if (!azure.UsesAzure)
        {
            var grant = await services.GetRequiredService<DirectLineConversations>().CreateAsync(
                new DirectLineUser($"space-{visit.Link.Id:N}", visit.FirstName), ConversationLinker.SpaceBinding(visit.Link.Id), http.RequestAborted);
            return Results.Json(new ChatGrant(grant.Token, null, locale, null));
        }

        try
        {
            // Azure's enhanced authentication wants user ids that start with dl_.
            var grant = await services.GetRequiredService<AzureDirectLineTokens>().GenerateAsync(
                "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), visit.FirstName, http.RequestAborted);
            var linkToken = await services.GetRequiredService<ConversationLinker>().IssueAsync(
                visit.PatientId, visit.Link.InvoiceId, LinkTokenLifetime, http.RequestAborted);
            return Results.Json(new ChatGrant(grant.Token, azure.AzureEndpoint.AbsoluteUri.TrimEnd('/'), locale, linkToken));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
            && !http.RequestAborted.IsCancellationRequested)
        {
            services.GetRequiredService<ILogger<AzureDirectLineTokens>>().LogError(exception, "Azure Direct Line refused a token for a patient space");
            return StatusProblem(StatusCodes.Status503ServiceUnavailable, "The chat is unavailable for the moment.");
        }
    }

    private static IResult StatusProblem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}

/// <summary>What the page's script needs: the token, Azure's domain (null: this server's <c>/v3/directline</c>), the locale, and with Azure the link token.</summary>
internal sealed record ChatGrant(string Token, string? Domain, string Locale, string? LinkToken);
