namespace RelanceBot.Conversations.Dialogs;

public enum ChoiceStyle
{
    /// <summary>Buttons under the message (Web Chat, Direct Line, Teams 1:1).</summary>
    SuggestedActions,

    /// <summary>"1. Oui / 2. Non" in the text, answered by number or by word (SMS, e-mail).</summary>
    NumberedText,
}
