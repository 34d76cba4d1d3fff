using RelanceBot.Patients;

namespace RelanceBot.Reminders.Messages;

/// <summary>The suggested actions of a chat reminder: pay, say it is already paid, or ask for a person.</summary>
public static class ReminderButtons
{
    public static IReadOnlyList<ReminderButton> For(ReminderMessageModel model) => model.Language == PatientLanguage.English
        ?
        [
            new("Pay now", model.PaymentLink, null),
            new("I have already paid", null, "I have already paid"),
            new("Talk to someone", null, "I would like to talk to someone"),
        ]
        :
        [
            new("Payer maintenant", model.PaymentLink, null),
            new("J'ai déjà payé", null, "J'ai déjà payé"),
            new("Parler à quelqu'un", null, "Je voudrais parler à quelqu'un"),
        ];
}
