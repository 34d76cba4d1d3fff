using System.Globalization;
using System.Text.Json.Nodes;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Teams.Cards;
using RelanceBot.Teams.Messages;

namespace RelanceBot.Teams.Digest;

public sealed class DigestCardComposer(TeamsMessages messages)
{
    public JsonObject Compose(string practiceName, DigestFigures figures, BotLanguage language)
    {
        var wording = messages.In(language);
        string Say(string key, params (string, string)[] values) => wording.Say(key, values);
        string Euros(long cents) => EuroAmount.Format(cents, wording.Culture);

        return new AdaptiveCardBuilder()
            .Heading(Say("digest-title", ("date", figures.LocalDate.ToString("D", wording.Culture))))
            .Text(practiceName, CardTextTone.Subtle)
            .Facts(
            [
                new CardFact(Say("digest-recovered"), Euros(figures.RecoveredYesterdayCents)),
                new CardFact(Say("digest-reminders"), figures.RemindersSentYesterday.ToString(wording.Culture)),
                new CardFact(Say("digest-undelivered"), figures.RemindersUndeliveredYesterday.ToString(wording.Culture)),
                new CardFact(Say("digest-awaiting"), figures.AwaitingAction.ToString(wording.Culture)),
                new CardFact(Say("digest-limitation"), figures.NearingLimitation.ToString(wording.Culture)),
            ])
            .Text(Say("digest-balance"), CardTextTone.Default)
            .Facts(
            [
                new CardFact(Say("digest-bucket-current"), Euros(figures.Due0To30Cents)),
                new CardFact(Say("digest-bucket-31-60"), Euros(figures.Due31To60Cents)),
                new CardFact(Say("digest-bucket-61-90"), Euros(figures.Due61To90Cents)),
                new CardFact(Say("digest-bucket-over-90"), Euros(figures.DueOver90Cents)),
                new CardFact(Say("digest-total"), Euros(figures.OpenBalanceCents)),
            ])
            .Build(Say("digest-fallback", ("practice", practiceName)), language.Code());
    }
}
