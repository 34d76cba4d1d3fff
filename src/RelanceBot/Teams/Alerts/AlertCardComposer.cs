using System.Globalization;
using System.Text.Json.Nodes;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Teams.Cards;
using RelanceBot.Teams.Messages;

namespace RelanceBot.Teams.Alerts;

/// <summary>
/// An alert as an Adaptive Card: who, how much, how old, what was sent and what the patient answered; then either the
/// buttons that fit or, once handled, who did what and when.
/// </summary>
public sealed class AlertCardComposer(TeamsMessages messages)
{
    public JsonObject Compose(AlertCardSubject subject, BotLanguage language, DateTimeOffset now, string? notice = null)
    {
        var alert = subject.Alert;
        var culture = language.Culture();
        string Say(string key, params (string, string)[] values) => messages.Render(language, key, values);

        var title = Say($"kind-{alert.Kind}");
        var patient = subject.PatientName ?? Say("unknown-patient");
        var card = new AdaptiveCardBuilder()
            .Heading(title)
            .Facts(Facts(subject, language, now, Say));
        card.Quote(Say("summary-caption"), alert.Summary);
        if (alert.PatientWords is { } words)
        {
            card.Quote(Say("patient-words"), words);
        }

        if (alert.Status == StaffAlertStatus.Open)
        {
            foreach (var verb in AlertActionPolicy.VerbsFor(alert))
            {
                card.Action(Button(alert, verb, Say));
            }
        }
        else
        {
            var handledAt = TimeZoneInfo.ConvertTime(alert.HandledAt!.Value, subject.PracticeTimeZone);
            card.Text(
                Say($"outcome-{alert.Status}", ("who", alert.HandledBy!), ("when", handledAt.ToString("g", culture))),
                alert.Status == StaffAlertStatus.Rejected ? CardTextTone.Attention : CardTextTone.Good);
            if (alert.Resolution is { } resolution)
            {
                card.Text(resolution);
            }
        }

        if (notice is not null)
        {
            card.Text(notice, CardTextTone.Subtle);
        }

        return card.Build(Say("card-fallback", ("title", title), ("patient", patient)), language.Code());
    }

    private static IEnumerable<CardFact> Facts(
        AlertCardSubject subject, BotLanguage language, DateTimeOffset now, Func<string, (string, string)[], string> say)
    {
        yield return new CardFact(say("fact-patient", []), subject.PatientName ?? say("unknown-patient", []));
        if (subject.OutstandingCents is { } outstanding)
        {
            yield return new CardFact(say("fact-amount", []), EuroAmount.Format(outstanding, language.Culture()));
        }

        if (subject.DueDate is { } dueDate)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, subject.PracticeTimeZone).DateTime);
            var days = today.DayNumber - dueDate.DayNumber;
            yield return new CardFact(
                say("fact-age", []),
                days > 0 ? say("age-days", [("days", days.ToString(CultureInfo.InvariantCulture))]) : say("age-not-due", []));
        }

        if (subject.InvoiceReference is { } reference)
        {
            yield return new CardFact(say("fact-invoice", []), reference);
        }
    }

    private static JsonObject Button(StaffAlert alert, AlertVerb verb, Func<string, (string, string)[], string> say)
    {
        JsonObject Data() => new() { [AlertActionRequest.AlertIdKey] = alert.Id.ToString() };
        JsonObject Form(JsonObject input, string confirmKey, CardActionStyle style = CardActionStyle.Default)
            => new AdaptiveCardBuilder()
                .Input(input)
                .Action(AdaptiveActions.Execute(say(confirmKey, []), verb.Name(), Data(), style))
                .BuildNested();

        return verb switch
        {
            AlertVerb.Approve => AdaptiveActions.Execute(
                say(alert.Kind is StaffAlertKind.PlanApproval or StaffAlertKind.FormalNoticeApproval or StaffAlertKind.CollectionHandOff
                    ? $"action-approve-{alert.Kind}"
                    : "action-approve", []),
                verb.Name(), Data(), CardActionStyle.Positive),
            AlertVerb.Reject => AdaptiveActions.ShowCard(
                say("action-reject", []),
                Form(AdaptiveInputs.Text(AlertActionRequest.ReasonInput, say("input-reason", []), maxLength: 500, multiline: true),
                    "action-reject-confirm", CardActionStyle.Destructive)),
            AlertVerb.MarkPaid => AdaptiveActions.ShowCard(
                say("action-mark-paid", []),
                Form(AdaptiveInputs.Choice(AlertActionRequest.MethodInput, say("input-method", []),
                        [(DeskPaymentMethods.Cash, say("method-cash", [])), (DeskPaymentMethods.Cheque, say("method-cheque", []))]),
                    "action-mark-paid-confirm", CardActionStyle.Positive)),
            AlertVerb.PauseReminders => AdaptiveActions.ShowCard(
                say("action-pause", []),
                Form(AdaptiveInputs.Number(AlertActionRequest.DaysInput, say("input-days", []), min: 1, max: AlertActionPolicy.MaxPauseDays, value: 14),
                    "action-pause-confirm")),
            AlertVerb.NoteCall => AdaptiveActions.ShowCard(
                say("action-note-call", []),
                Form(AdaptiveInputs.Text(AlertActionRequest.NoteInput, say("input-note", []), maxLength: 800, multiline: true, required: true),
                    "action-note-call-confirm")),
            AlertVerb.Close => AdaptiveActions.Execute(say("action-close", []), verb.Name(), Data()),
            _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, null),
        };
    }
}
