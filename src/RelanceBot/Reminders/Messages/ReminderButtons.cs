using RelanceBot.Conversations.Messages;

namespace RelanceBot.Reminders.Messages;

/// <summary>The suggested actions of a chat reminder: pay, say it is already paid, or ask for a person.</summary>
public static class ReminderButtons
{
    public static IReadOnlyList<ReminderButton> For(ReminderMessageModel model, MessageCatalog texts, BotLanguage language)
    {
        var alreadyPaid = texts.Render(language, "button-already-paid");
        return
        [
            new(texts.Render(language, "button-pay"), model.PaymentLink, null),
            new(alreadyPaid, null, alreadyPaid),
            new(texts.Render(language, "button-talk"), null, texts.Render(language, "button-talk-says")),
        ];
    }
}
