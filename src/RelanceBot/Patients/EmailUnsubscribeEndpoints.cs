using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Conversations.Messages;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Reminders.Messages;

namespace RelanceBot.Patients;

/// <summary>
/// <c>/unsubscribe/{token}</c>: GET shows a confirmation button (mail scanners follow links, so a GET changes nothing);
/// POST (the mail client's one-click <c>List-Unsubscribe=One-Click</c>, or the button) opts that e-mail address out.
/// </summary>
public static class EmailUnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapEmailUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(EmailUnsubscribe.PathPrefix + "{token}").ExcludeFromDescription().AllowAnonymous();
        group.MapGet("", (string token, HttpContext context, CancellationToken cancellationToken) => HandleAsync(token, context, optOut: false, cancellationToken));
        group.MapPost("", (string token, HttpContext context, CancellationToken cancellationToken) => HandleAsync(token, context, optOut: true, cancellationToken))
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(string token, HttpContext context, bool optOut, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var texts = services.GetRequiredService<ReminderTemplates>().Texts;
        var db = services.GetRequiredService<RelanceBotDbContext>();
        var channel = services.GetRequiredService<EmailUnsubscribe>().Read(token) is { } channelId
            ? await db.PatientChannels.SingleOrDefaultAsync(candidate => candidate.Id == channelId && candidate.Kind == ChannelKind.Email, cancellationToken)
            : null;
        if (channel is null)
        {
            var title = texts.Render(BotLanguage.French, "unsubscribe-title");
            return PayPages.Page(StatusCodes.Status404NotFound, title, texts.Render(BotLanguage.French, "unsubscribe-invalid"));
        }

        var patient = await db.Patients.AsNoTracking().Where(candidate => candidate.Id == channel.PatientId)
            .Select(candidate => new { candidate.Language, Practice = db.Practices.Where(practice => practice.Id == candidate.PracticeId).Select(practice => practice.Name).Single() })
            .SingleAsync(cancellationToken);
        var language = patient.Language == PatientLanguage.English ? BotLanguage.English : BotLanguage.French;
        var heading = texts.Render(language, "unsubscribe-title");
        if (!optOut)
        {
            var button = $"""<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">{HtmlEncoder.Default.Encode(texts.Render(language, "unsubscribe-button"))}</button></form>""";
            return PayPages.Page(StatusCodes.Status200OK, heading, texts.Render(language, "unsubscribe-ask", ("practice", patient.Practice)), button);
        }

        channel.OptOut("Désinscription en un clic (lien de l'e-mail)", services.GetRequiredService<TimeProvider>().GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return PayPages.Page(StatusCodes.Status200OK, heading, texts.Render(language, "unsubscribe-done", ("practice", patient.Practice)));
    }
}
