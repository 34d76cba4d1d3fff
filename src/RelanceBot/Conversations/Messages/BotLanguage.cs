namespace RelanceBot.Conversations.Messages;

/// <summary>The languages the bot speaks: French by default, English when the patient's client asks for it.</summary>
public enum BotLanguage
{
    French,
    English,
}
