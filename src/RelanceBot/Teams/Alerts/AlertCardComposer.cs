using System.Text.Json.Nodes;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Messages;
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
        var wording = messages.In(language);

        var title = wording.Say($"kind-{alert.Kind}");
        var patient = subject.PatientName ?? wording.Say("unknown-patient");
        var card = new AdaptiveCardBuilder()
            .Heading(title)
            .Facts(Facts(subject, wording, now));
        card.Quote(wording.Say("summary-caption"), alert.Summary);
        if (alert.PatientWords is { } words)
        {
            card.Quote(wording.Say("patient-words"), words);
        }

        if (subject.DocumentUrl is { } documentUrl)
        {
            card.Action(AdaptiveActions.OpenUrl(wording.Say($"action-open-{alert.Kind}"), documentUrl));
        }

        if (alert.Status == StaffAlertStatus.Open)
        {
            foreach (var verb in AlertActionPolicy.VerbsFor(alert))
            {
                card.Action(Button(alert, verb, wording));
            }
        }
        else
        {
            var handledAt = TimeZoneInfo.ConvertTime(alert.HandledAt!.Value, subject.PracticeTimeZone);
            card.Text(
                wording.Say($"outcome-{alert.Status}", ("who", alert.HandledBy!), ("when", handledAt.ToString("g", wording.Culture))),
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

        return card.Build(wording.Say("card-fallback", ("title", title), ("patient", patient)), language.Code());
    }

    private static IEnumerable<CardFact> Facts(AlertCardSubject subject, TeamsWording wording, DateTimeOffset now)
    {
        yield return new CardFact(wording.Say("fact-patient"), subject.PatientName ?? wording.Say("unknown-patient"));
        if (subject.OutstandingCents is { } outstanding)
        {
            yield return new CardFact(wording.Say("fact-amount"), wording.Format.Money(outstanding));
        }

        if (subject.DueDate is { } dueDate)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, subject.PracticeTimeZone).DateTime);
            var days = today.DayNumber - dueDate.DayNumber;
            yield return new CardFact(
                wording.Say("fact-age"),
                days > 0 ? wording.SayCount("age-days", days) : wording.Say("age-not-due"));
        }

        if (subject.InvoiceReference is { } reference)
        {
            yield return new CardFact(wording.Say(subject.InvoiceCount > 1 ? "fact-invoices" : "fact-invoice"), reference);
        }
    }

    private static JsonObject Button(StaffAlert alert, AlertVerb verb, TeamsWording wording)
    {
        JsonObject Data() => new() { [AlertActionRequest.AlertIdKey] = alert.Id.ToString() };
        JsonObject Form(JsonObject input, string confirmKey, CardActionStyle style = CardActionStyle.Default)
            => new AdaptiveCardBuilder()
                .Input(input)
                .Action(AdaptiveActions.Execute(wording.Say(confirmKey), verb.Name(), Data(), style))
                .BuildNested();

        return verb switch
        {
            AlertVerb.Approve => AdaptiveActions.Execute(
                wording.Say(alert.Kind is StaffAlertKind.PlanApproval or StaffAlertKind.FormalNoticeApproval or StaffAlertKind.CollectionHandOff
                    ? $"action-approve-{alert.Kind}"
                    : "action-approve"),
                verb.Name(), Data(), CardActionStyle.Positive),
            AlertVerb.Reject => AdaptiveActions.ShowCard(
                wording.Say("action-reject"),
                Form(AdaptiveInputs.Text(AlertActionRequest.ReasonInput, wording.Say("input-reason"), maxLength: 500, multiline: true),
                    "action-reject-confirm", CardActionStyle.Destructive)),
            AlertVerb.MarkPaid => AdaptiveActions.ShowCard(
                wording.Say("action-mark-paid"),
                Form(AdaptiveInputs.Choice(AlertActionRequest.MethodInput, wording.Say("input-method"),
                        [(DeskPaymentMethods.Cash, wording.Say("method-cash")), (DeskPaymentMethods.Cheque, wording.Say("method-cheque"))]),
                    "action-mark-paid-confirm", CardActionStyle.Positive)),
            AlertVerb.PauseReminders => AdaptiveActions.ShowCard(
                wording.Say("action-pause"),
                Form(AdaptiveInputs.Number(AlertActionRequest.DaysInput, wording.Say("input-days"), min: 1, max: AlertActionPolicy.MaxPauseDays, value: 14),
                    "action-pause-confirm")),
            AlertVerb.NoteCall => AdaptiveActions.ShowCard(
                wording.Say("action-note-call"),
                Form(AdaptiveInputs.Text(AlertActionRequest.NoteInput, wording.Say("input-note"), maxLength: 800, multiline: true, required: true),
                    "action-note-call-confirm")),
            AlertVerb.Close => AdaptiveActions.Execute(wording.Say("action-close"), verb.Name(), Data()),
            AlertVerb.MarkRecovered => AdaptiveActions.Execute(wording.Say("action-mark-recovered"), verb.Name(), Data(), CardActionStyle.Positive),
            AlertVerb.MarkReturned => AdaptiveActions.Execute(wording.Say("action-mark-returned"), verb.Name(), Data()),
            AlertVerb.CancelInvoice => AdaptiveActions.ShowCard(
                wording.Say("action-cancel-invoice"),
                Form(AdaptiveInputs.Text(AlertActionRequest.ReasonInput, wording.Say("input-reason"), maxLength: 500, multiline: true),
                    "action-cancel-invoice-confirm", CardActionStyle.Destructive)),
            _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, null),
        };
    }
}
