using System.Globalization;
using RelanceBot.Conversations.Flows;
using RelanceBot.Conversations.Messages;
using RelanceBot.Patients;

namespace RelanceBot.PatientSpace;

/// <summary>The pages of the patient space, written from a <see cref="SpaceVisit"/>.</summary>
public static class SpacePages
{
    public const int MaxTextLength = 1000;

    /// <summary>The space itself: the invoice as the reminder told it, the patient's choices, the chat.</summary>
    public static IResult Space(
        SpaceVisit visit, PatientSpaceTexts texts, AntiforgeryFields antiforgery, IReadOnlyList<PatientChannel> channels, string? done, bool chat)
    {
        var html = new SpaceHtml(texts, visit.Language);
        var money = PatientSpaceTexts.Money(visit.Language, visit.OutstandingCents);
        html.Raw("<header>").Element("p", html.T("automated", ("practice", visit.PracticeName)), "class=\"automated\"")
            .Element("h1", html.T("greeting", ("firstName", visit.FirstName))).Raw("</header><main>");
        if (done is not null)
        {
            html.Element("p", done, "class=\"done\" role=\"status\"");
        }

        if (visit.InvoiceStatus == Invoices.InvoiceStatus.Disputed)
        {
            html.Element("p", html.T("notice-disputed"), "class=\"notice\"");
        }
        else if (visit.LivePlan is { } plan)
        {
            html.Element("p", html.T(plan == Plans.InstallmentPlanStatus.Requested ? "notice-plan" : "notice-plan-agreed"), "class=\"notice\"");
        }

        html.Raw("<section aria-labelledby=\"summary\" class=\"summary\">").Element("h2", html.T("summary-heading"), "id=\"summary\"").Raw("<dl>");
        Row(html, "practice-label", visit.PracticeName);
        Row(html, "practitioner-label", visit.PractitionerName);
        Row(html, "amount-label", money, "amount");
        Row(html, "due-label", PatientSpaceTexts.Date(visit.Language, visit.DueDate));
        Row(html, "reference-label", visit.InvoiceReference);
        html.Raw("</dl></section>");

        html.Element("h2", html.T("actions-heading"));
        if (visit.IsPayable)
        {
            // Under an approved plan, Checkout asks for the next installment: the button says no amount then.
            var label = visit.LivePlan is null or Plans.InstallmentPlanStatus.Requested ? html.T("pay-button", ("amount", money)) : html.T("pay-heading");
            html.Raw("<section class=\"primary\" aria-labelledby=\"pay\">").Element("h3", html.T("pay-heading"), "id=\"pay\"");
            html.FormStart(visit.Path("pay"), antiforgery.Name, antiforgery.Value).Submit(label, css: "primary")
                .Raw("</form>").Element("p", html.T("pay-note"), "class=\"hint\"").Raw("</section>");
        }

        if (visit.IsActionable)
        {
            Installments(html, visit);
            Later(html, visit, antiforgery);
            AlreadyPaid(html, visit, antiforgery);
            Hardship(html, visit, antiforgery);
            Contest(html, visit, antiforgery);
        }

        CallBack(html, visit, antiforgery, channels);
        Stop(html, visit, antiforgery, channels);
        Details(html, visit, antiforgery);
        if (chat)
        {
            Chat(html, visit, antiforgery);
        }

        html.Raw("</main>");
        Footer(html, visit);
        return html.Page(StatusCodes.Status200OK, html.T("title", ("practice", visit.PracticeName)), SwitchHref(visit, visit.Path()), withScript: chat);
    }

    /// <summary>The exact schedule for <paramref name="count"/> installments, and the request for the practice's approval.</summary>
    public static IResult Schedule(SpaceVisit visit, PatientSpaceTexts texts, AntiforgeryFields antiforgery, int count)
    {
        var html = new SpaceHtml(texts, visit.Language);
        var schedule = InstallmentSchedule.Split([visit.OutstandingCents], count, visit.Today);
        html.Raw("<main>").Element("h1", html.T("schedule-heading", ("count", Number(count)))).Raw("<ol class=\"schedule\">");
        foreach (var installment in schedule)
        {
            html.Element("li", html.T("schedule-line",
                ("amount", PatientSpaceTexts.Money(visit.Language, installment.AmountCents)),
                ("date", PatientSpaceTexts.Date(visit.Language, installment.DueDate))));
        }

        html.Raw("</ol>").Element("p", html.T("schedule-total", ("amount", PatientSpaceTexts.Money(visit.Language, visit.OutstandingCents))));
        html.Element("p", html.T("installments-intro"), "class=\"hint\"");
        html.FormStart(visit.Path("installments"), antiforgery.Name, antiforgery.Value).Hidden("count", Number(count))
            .Submit(html.T("schedule-confirm"), css: "primary").Raw("</form>");
        Back(html, visit);
        html.Raw("</main>");
        return html.Page(StatusCodes.Status200OK, html.T("schedule-heading", ("count", Number(count))), SwitchHref(visit, visit.Path("installments") + $"?count={count}"));
    }

    /// <summary>The patient's invoices, once they confirmed their date of birth; never what the care was.</summary>
    public static IResult Details(SpaceVisit visit, PatientSpaceTexts texts, IReadOnlyList<DetailRow> invoices)
    {
        var html = new SpaceHtml(texts, visit.Language);
        html.Raw("<main>").Element("h1", html.T("details-heading")).Raw("<table><thead><tr>");
        foreach (var column in new[] { "details-col-reference", "details-col-issued", "details-col-amount", "details-col-paid", "details-col-status" })
        {
            html.Element("th", html.T(column), "scope=\"col\"");
        }

        html.Raw("</tr></thead><tbody>");
        foreach (var invoice in invoices)
        {
            html.Raw("<tr>").Element("td", invoice.Reference).Element("td", PatientSpaceTexts.Date(visit.Language, invoice.IssueDate))
                .Element("td", PatientSpaceTexts.Money(visit.Language, invoice.AmountDueCents))
                .Element("td", PatientSpaceTexts.Money(visit.Language, invoice.AmountPaidCents))
                .Element("td", html.T($"status-{invoice.Status}")).Raw("</tr>");
        }

        html.Raw("</tbody></table>");
        Back(html, visit);
        html.Raw("</main>");
        return html.Page(StatusCodes.Status200OK, html.T("details-heading"), SwitchHref(visit, visit.Path("details")));
    }

    /// <summary>A refused request: what was wrong, and the way back. Never a stack trace, never a 500.</summary>
    public static IResult Problem(SpaceVisit visit, PatientSpaceTexts texts, int statusCode, string message)
    {
        var html = new SpaceHtml(texts, visit.Language);
        html.Raw("<main>").Element("h1", html.T("error-title")).Element("p", message, "role=\"alert\"");
        Back(html, visit);
        html.Raw("</main>");
        return html.Page(statusCode, html.T("error-title"));
    }

    /// <summary>An unknown link, or one with nothing left to pay: a friendly 404, in the patient's language when known.</summary>
    public static IResult NotFound(PatientSpaceTexts texts, BotLanguage language, bool dead)
    {
        var html = new SpaceHtml(texts, language);
        var title = html.T(dead ? "dead-title" : "not-found-title");
        html.Raw("<main>").Element("h1", title).Element("p", html.T(dead ? "dead" : "not-found")).Raw("</main>");
        return html.Page(StatusCodes.Status404NotFound, title);
    }

    /// <summary>A page with one message (checkout unavailable, identity locked…) and the way back.</summary>
    public static IResult Message(SpaceVisit visit, PatientSpaceTexts texts, int statusCode, string titleKey, string messageKey)
    {
        var html = new SpaceHtml(texts, visit.Language);
        html.Raw("<main>").Element("h1", html.T(titleKey)).Element("p", html.T(messageKey), "role=\"alert\"");
        Back(html, visit);
        html.Raw("</main>");
        return html.Page(statusCode, html.T(titleKey));
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Installments(SpaceHtml html, SpaceVisit visit)
    {
        if (visit.InstallmentCounts.Count == 0)
        {
            return;
        }

        // A GET form: seeing the schedule changes nothing; asking for it is the POST on the next page.
        Section(html, "installments", html.T("installments-heading"));
        html.Element("p", html.T("installments-intro"), "class=\"hint\"")
            .FormStart(visit.Path("installments"), "", "", method: "get")
            .Raw("<fieldset>").Element("legend", html.T("installments-count-legend"));
        foreach (var count in visit.InstallmentCounts)
        {
            html.Radio("count", $"count-{count}", Number(count), html.T("installments-option", ("count", Number(count))), count == visit.InstallmentCounts[0]);
        }

        html.Raw("</fieldset>").Submit(html.T("installments-show")).Raw("</form></details>");
    }

    private static void Later(SpaceHtml html, SpaceVisit visit, AntiforgeryFields antiforgery)
    {
        var latest = visit.LatestPaymentDate;
        Section(html, "later", html.T("later-heading"));
        html.FormStart(visit.Path("later"), antiforgery.Name, antiforgery.Value)
            .Field("later-date", html.T("later-label", ("latest", PatientSpaceTexts.Date(visit.Language, latest))),
                $"<input type=\"date\" id=\"later-date\" name=\"date\" required min=\"{IsoDate(visit.Today.AddDays(1))}\" max=\"{IsoDate(latest)}\">")
            .Submit(html.T("later-button")).Raw("</form></details>");
    }

    private static void AlreadyPaid(SpaceHtml html, SpaceVisit visit, AntiforgeryFields antiforgery)
    {
        Section(html, "already-paid", html.T("paid-heading"));
        html.FormStart(visit.Path("already-paid"), antiforgery.Name, antiforgery.Value)
            .Raw("<fieldset>").Element("legend", html.T("paid-how-label"));
        foreach (var how in PaymentMethods)
        {
            html.Radio("how", $"how-{how}", how, html.T($"paid-how-{how}"));
        }

        html.Raw("</fieldset>")
            .Field("paid-date", html.T("paid-when-label"), $"<input type=\"date\" id=\"paid-date\" name=\"date\" required max=\"{IsoDate(visit.Today)}\">")
            .Field("paid-note", html.T("paid-note-label"), $"<textarea id=\"paid-note\" name=\"note\" rows=\"2\" maxlength=\"{MaxTextLength}\"></textarea>")
            .Submit(html.T("paid-button")).Raw("</form></details>");
    }

    private static void Hardship(SpaceHtml html, SpaceVisit visit, AntiforgeryFields antiforgery)
    {
        Section(html, "hardship", html.T("hardship-heading"));
        html.Element("p", html.T("hardship-intro")).FormStart(visit.Path("hardship"), antiforgery.Name, antiforgery.Value).Raw("<fieldset>")
            .Element("legend", html.T("hardship-heading"), "class=\"visually-hidden\"");
        if (visit.InstallmentCounts.Contains(3))
        {
            html.Radio("choice", "hardship-plan", HardshipChoices.Plan, html.T("hardship-plan"));
        }

        html.Radio("choice", "hardship-call", HardshipChoices.Call, html.T("hardship-call"))
            .Radio("choice", "hardship-not-now", HardshipChoices.NotNow, html.T("hardship-not-now"))
            .Raw("</fieldset>").Submit(html.T("hardship-button")).Raw("</form></details>");
    }

    private static void Contest(SpaceHtml html, SpaceVisit visit, AntiforgeryFields antiforgery)
    {
        Section(html, "contest", html.T("contest-heading"));
        html.FormStart(visit.Path("contest"), antiforgery.Name, antiforgery.Value)
            .Field("contest-reason", html.T("contest-label"), $"<textarea id=\"contest-reason\" name=\"reason\" rows=\"3\" required maxlength=\"{MaxTextLength}\"></textarea>")
            .Submit(html.T("contest-button")).Raw("</form></details>");
    }

    private static void CallBack(SpaceHtml html, SpaceVisit visit, AntiforgeryFields antiforgery, IReadOnlyList<PatientChannel> channels)
    {
        Section(html, "call", html.T("call-heading"));
        html.FormStart(visit.Path("call"), antiforgery.Name, antiforgery.Value);
        if (PhoneOnFile(channels) is { } phone)
        {
            html.Element("p", html.T("call-on-file", ("phone", MaskPhone(phone))));
        }
        else
        {
            html.Field("call-phone", html.T("call-phone-label"),
                "<input type=\"tel\" id=\"call-phone\" name=\"phone\" required autocomplete=\"tel\" inputmode=\"tel\" maxlength=\"30\">");
        }

        html.Submit(html.T("call-button")).Raw("</form></details>");
    }

    private static void Stop(SpaceHtml html, SpaceVisit visit, AntiforgeryFields antiforgery, IReadOnlyList<PatientChannel> channels)
    {
        Section(html, "stop", html.T("stop-heading"));
        var active = channels.Where(channel => !channel.IsOptedOut).ToList();
        if (active.Count == 0)
        {
            html.Element("p", html.T("stop-nothing-left")).Raw("</details>");
            return;
        }

        html.Element("p", html.T("stop-intro")).FormStart(visit.Path("stop"), antiforgery.Name, antiforgery.Value).Raw("<fieldset>")
            .Element("legend", html.T("stop-heading"), "class=\"visually-hidden\"");
        foreach (var channel in active)
        {
            html.Radio("scope", $"stop-{channel.Id:N}", channel.Id.ToString("N"), ChannelLabel(html, channel));
        }

        html.Radio("scope", "stop-all", StopChoices.All, html.T("stop-all"))
            .Raw("</fieldset>").Submit(html.T("stop-button")).Raw("</form></details>");
    }

    private static void Details(SpaceHtml html, SpaceVisit visit, AntiforgeryFields antiforgery)
    {
        Section(html, "details", html.T("details-heading"));
        html.Element("p", html.T("details-intro")).FormStart(visit.Path("details"), antiforgery.Name, antiforgery.Value)
            .Field("birth-date", html.T("details-label"), $"<input type=\"date\" id=\"birth-date\" name=\"birthDate\" required autocomplete=\"bday\" max=\"{IsoDate(visit.Today)}\">")
            .Submit(html.T("details-button")).Raw("</form></details>");
    }

    private static void Chat(SpaceHtml html, SpaceVisit visit, AntiforgeryFields antiforgery)
    {
        html.Raw($"<section id=\"chat\" aria-labelledby=\"chat-heading\" data-grant=\"{SpaceHtml.Encode(visit.Path("chat"))}\" ")
            .Raw($"data-antiforgery=\"{SpaceHtml.Encode(antiforgery.Value)}\" data-error=\"{SpaceHtml.Encode(html.T("chat-error"))}\">")
            .Element("h2", html.T("chat-heading"), "id=\"chat-heading\"").Element("p", html.T("chat-intro"))
            .Raw("<noscript>").Element("p", html.T("chat-no-script"), "class=\"hint\"").Raw("</noscript>")
            .Element("button", html.T("chat-button"), "type=\"button\" class=\"chat-open\" hidden")
            .Raw("<p class=\"hint\" role=\"status\"></p><div class=\"webchat\"></div></section>");
    }

    private static void Footer(SpaceHtml html, SpaceVisit visit)
    {
        html.Raw("<footer>").Element("p", html.T("footer", ("practice", visit.PracticeName)));
        if (visit.PracticePhone is { } phone)
        {
            html.Element("p", html.T("footer-contact", ("phone", TextFormat.For(visit.Language).Phone(phone))));
        }

        html.Element("p", html.T("footer-stop")).Raw("</footer>");
    }

    private static void Row(SpaceHtml html, string labelKey, string value, string css = "")
        => html.Element("dt", html.T(labelKey)).Element("dd", value, css.Length > 0 ? $"class=\"{css}\"" : null);

    /// <summary>A collapsible section: works with the keyboard and without JavaScript.</summary>
    private static void Section(SpaceHtml html, string id, string title)
        => html.Raw($"<details id=\"{id}\"><summary>").Text(title).Raw("</summary>");

    private static void Back(SpaceHtml html, SpaceVisit visit)
        => html.Element("a", html.T("back"), $"href=\"{SpaceHtml.Encode(visit.Path() + "?lang=" + visit.Language.Code())}\" class=\"back\"");

    private static string SwitchHref(SpaceVisit visit, string path)
    {
        var other = visit.Language == BotLanguage.French ? "en" : "fr";
        return path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + other;
    }

    public static string ChannelLabel(SpaceHtml html, PatientChannel channel) => channel.Kind switch
    {
        ChannelKind.Sms => html.T("stop-sms", ("address", MaskPhone(channel.Address ?? ""))),
        ChannelKind.Email => html.T("stop-email", ("address", MaskEmail(channel.Address ?? ""))),
        _ => html.T("stop-chat"),
    };

    public static string? PhoneOnFile(IReadOnlyList<PatientChannel> channels)
        => channels.FirstOrDefault(channel => channel.Kind == ChannelKind.Sms)?.Address;

    /// <summary>Enough for the patient to recognise their own number, not enough to hand it to whoever holds the link.</summary>
    public static string MaskPhone(string e164) => e164.Length <= 4 ? "••" : $"•• •• •• {e164[^2..]}";

    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "•••" : $"{email[0]}•••{email[at..]}";
    }

    public static readonly string[] PaymentMethods = ["card", "check", "cash", "transfer", "other"];
}

/// <summary>The antiforgery field a POST form of the space carries.</summary>
public sealed record AntiforgeryFields(string Name, string Value);

/// <summary>One line of the patient's invoices, shown after the date of birth is confirmed.</summary>
public sealed record DetailRow(string Reference, DateOnly IssueDate, long AmountDueCents, long AmountPaidCents, Invoices.InvoiceStatus Status);

public static class HardshipChoices
{
    public const string Plan = "plan";
    public const string Call = "call";
    public const string NotNow = "not-now";
}

public static class StopChoices
{
    public const string All = "all";
}
