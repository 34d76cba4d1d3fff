using RelanceBot.Conversations.Messages;
using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Conversations.Flows;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Persistence;

namespace RelanceBot.PatientSpace;

/// <summary>
/// <c>/p/{token}</c>, the link every reminder of an invoice carries: the patient space. GET shows it; each choice is a
/// plain HTML form (POST, antiforgery, then a redirect back to the space saying what happens next), so it all works
/// without JavaScript; the chat is the one part that needs it. Every choice goes through the same use case as the chat.
/// Unknown or dead links get a friendly 404, bad input a 400 page naming what is wrong.
/// </summary>
public static class PatientSpaceEndpoints
{
    public static IEndpointRouteBuilder MapPatientSpaceRoutes(this IEndpointRouteBuilder endpoints)
    {
        // Antiforgery is checked by SpaceForms itself, so a failure is a page in the patient's language, not a bare 400.
        var space = endpoints.MapGroup("/p/{token}").ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        space.MapGet("", ShowAsync);
        space.MapGet("installments", ScheduleAsync);
        space.MapGet("details", DetailsAsync);
        space.MapPost("pay", PayAsync);
        space.MapPost("installments", SelfService.RequestInstallmentsAsync);
        space.MapPost("later", SelfService.PayLaterAsync);
        space.MapPost("already-paid", SelfService.AlreadyPaidAsync);
        space.MapPost("contest", SelfService.ContestAsync);
        space.MapPost("hardship", SelfService.HardshipAsync);
        space.MapPost("call", SelfService.CallAsync);
        space.MapPost("stop", SelfService.StopAsync);
        space.MapPost("details", DetailsAccess.VerifyAsync);
        space.MapPost("chat", ChatGrants.CreateAsync);
        // A form's address typed or reloaded by hand: back to the space rather than a 405.
        space.MapGet("{action}", (string token, string action, string? lang) =>
            Results.Redirect($"/p/{Uri.EscapeDataString(token)}{(lang is "fr" or "en" ? "?lang=" + lang : "")}"));
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(string token, string? lang, string? done, string? count, string? date, string? channel, HttpContext http)
    {
        var forms = http.RequestServices.GetRequiredService<SpaceForms>();
        var (visit, refusal) = await forms.OpenAsync(token, lang, http.RequestAborted);
        if (visit is null)
        {
            return refusal!;
        }

        var db = http.RequestServices.GetRequiredService<RelanceBotDbContext>();
        var channels = await db.PatientChannels.AsNoTracking().Where(c => c.PatientId == visit.PatientId).OrderBy(c => c.Kind).ToListAsync(http.RequestAborted);
        var texts = forms.Texts;
        var message = done switch
        {
            "installments" when int.TryParse(count, CultureInfo.InvariantCulture, out var n) => texts[visit.Language, "done-installments", ("count", SpacePages.Number(n))],
            "later" when DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                => texts[visit.Language, "done-later", ("date", PatientSpaceTexts.Date(visit.Language, day))],
            "paid" => texts[visit.Language, "done-paid"],
            "contest" => texts[visit.Language, "done-contest"],
            "call" => texts[visit.Language, "done-call"],
            "not-now" => texts[visit.Language, "done-not-now"],
            "stop-all" => texts[visit.Language, "done-stop-all"],
            "stop" when channels.FirstOrDefault(c => c.Id.ToString("N") == channel) is { } stopped
                => texts[visit.Language, "done-stop-channel", ("channel", SpacePages.ChannelLabel(new SpaceHtml(texts, visit.Language), stopped))],
            _ => null,
        };
        return SpacePages.Space(visit, texts, forms.Antiforgery(http), channels, message, ChatGrants.IsAvailable(http.RequestServices));
    }

    private static async Task<IResult> ScheduleAsync(string token, string? lang, string? count, HttpContext http)
    {
        var forms = http.RequestServices.GetRequiredService<SpaceForms>();
        var (visit, refusal) = await forms.OpenAsync(token, lang, http.RequestAborted);
        if (visit is null)
        {
            return refusal!;
        }

        if (!visit.IsActionable)
        {
            return SpacePages.Problem(visit, forms.Texts, StatusCodes.Status409Conflict, forms.Texts[visit.Language, "error-not-recorded"]);
        }

        return SpaceForms.ReadCount(count, visit) is { } n
            ? SpacePages.Schedule(visit, forms.Texts, forms.Antiforgery(http), n)
            : SpacePages.Problem(visit, forms.Texts, StatusCodes.Status400BadRequest, forms.Texts[visit.Language, "error-count"]);
    }

    private static async Task<IResult> DetailsAsync(string token, string? lang, HttpContext http)
    {
        var forms = http.RequestServices.GetRequiredService<SpaceForms>();
        var (visit, refusal) = await forms.OpenAsync(token, lang, http.RequestAborted);
        if (visit is null)
        {
            return refusal!;
        }

        if (!DetailsAccess.IsGranted(http, visit))
        {
            return Results.Redirect($"{visit.Path()}?lang={visit.Language.Code()}#details");
        }

        var db = http.RequestServices.GetRequiredService<RelanceBotDbContext>();
        var invoices = await db.Invoices.AsNoTracking()
            .Where(invoice => invoice.PatientId == visit.PatientId)
            .OrderByDescending(invoice => invoice.IssueDate)
            .Select(invoice => new DetailRow(invoice.ExternalReference, invoice.IssueDate, invoice.AmountDueCents, invoice.AmountPaidCents, invoice.Status))
            .ToListAsync(http.RequestAborted);
        return SpacePages.Details(visit, forms.Texts, invoices);
    }

    private static async Task<IResult> PayAsync(string token, HttpContext http)
    {
        var forms = http.RequestServices.GetRequiredService<SpaceForms>();
        var (visit, _, refusal) = await forms.ReadAsync(token, http);
        if (visit is null)
        {
            return refusal!;
        }

        if (!visit.IsPayable)
        {
            return SpacePages.Message(visit, forms.Texts, StatusCodes.Status409Conflict, "pay-heading", "unavailable");
        }

        var start = await http.RequestServices.GetRequiredService<StartCheckout>().HandleAsync(visit.Link, http.RequestAborted);
        return start.Outcome switch
        {
            CheckoutStartOutcome.Redirect => Results.Redirect(start.Url!.AbsoluteUri),
            CheckoutStartOutcome.Settled => SpacePages.NotFound(forms.Texts, visit.Language, dead: true),
            CheckoutStartOutcome.Unavailable => SpacePages.Message(visit, forms.Texts, StatusCodes.Status409Conflict, "pay-heading", "unavailable"),
            _ => SpacePages.Message(visit, forms.Texts, StatusCodes.Status503ServiceUnavailable, "pay-heading", "temporarily-unavailable"),
        };
    }
}

/// <summary>What every request of the space starts with: the link's space, and for a POST its form, checked.</summary>
public sealed class SpaceForms(PatientSpaces spaces, PatientSpaceTexts texts, IAntiforgery antiforgery)
{
    public PatientSpaceTexts Texts => texts;

    public AntiforgeryFields Antiforgery(HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new AntiforgeryFields(tokens.FormFieldName, tokens.RequestToken!);
    }

    /// <summary>The space, or the friendly 404 of an unknown or dead link.</summary>
    public async Task<(SpaceVisit? Visit, IResult? Refusal)> OpenAsync(string token, string? language, CancellationToken cancellationToken)
    {
        var visit = await spaces.FindAsync(token, language, cancellationToken);
        return visit switch
        {
            null => (null, SpacePages.NotFound(texts, Conversations.Messages.BotLanguages.FromLocale(language), dead: false)),
            { IsDead: true } => (null, SpacePages.NotFound(texts, visit.Language, dead: true)),
            _ => (visit, null),
        };
    }

    /// <summary>The space and the posted form, once the antiforgery token is checked; else the page to answer with.</summary>
    public async Task<(SpaceVisit? Visit, IFormCollection? Form, IResult? Refusal)> ReadAsync(string token, HttpContext http)
    {
        IFormCollection? form = null;
        if (http.Request.HasFormContentType)
        {
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
            {
                form = null;
            }
        }

        var (visit, refusal) = await OpenAsync(token, form?["lang"], http.RequestAborted);
        if (visit is null)
        {
            return (null, null, refusal);
        }

        if (form is null)
        {
            return (null, null, SpacePages.Problem(visit, texts, StatusCodes.Status415UnsupportedMediaType, texts[visit.Language, "error-not-form"]));
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return (null, null, SpacePages.Problem(visit, texts, StatusCodes.Status400BadRequest, texts[visit.Language, "error-form-expired"]));
        }

        return (visit, form, null);
    }

    public static int? ReadCount(string? text, SpaceVisit visit)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && visit.InstallmentCounts.Contains(count) ? count : null;

    public static DateOnly? ReadDate(string? text)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A text field, trimmed; null when missing or blank. Too long is the caller's 400.</summary>
    public static string? ReadText(IFormCollection form, string name)
        => form[name].Count == 1 && form[name][0] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
