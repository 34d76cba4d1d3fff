namespace RelanceBot.Conversations.Dialogs;

public static class ChoiceStyles
{
    /// <summary>Text-only channels of the Bot Framework: they drop suggested actions silently.</summary>
    private static readonly HashSet<string> TextOnlyChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "sms", "email", "telegram-sms", "twilio-sms", "acs-sms",
    };

    public static ChoiceStyle For(string? channelId)
        => channelId is not null && TextOnlyChannels.Contains(channelId) ? ChoiceStyle.NumberedText : ChoiceStyle.SuggestedActions;
}
