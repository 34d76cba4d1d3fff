namespace RelanceBot.BotFramework.Schema;

public static class ConversationReferenceExtensions
{
    /// <summary>A new message for a proactive send to the referenced conversation.</summary>
    public static Activity CreateMessageActivity(this ConversationReference reference, string? text = null) =>
        reference.ApplyTo(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>
    /// Addresses <paramref name="activity"/> to the referenced conversation (bot → user), keeping what the caller already
    /// set. The reference's activity id is not used as replyToId: a proactive message starts a new exchange.
    /// </summary>
    public static Activity ApplyTo(this ConversationReference reference, Activity activity) => activity with
    {
        ChannelId = activity.ChannelId ?? reference.ChannelId,
        ServiceUrl = activity.ServiceUrl ?? reference.ServiceUrl,
        Conversation = activity.Conversation ?? reference.Conversation,
        From = activity.From ?? reference.Bot,
        Recipient = activity.Recipient ?? reference.User,
        Locale = activity.Locale ?? reference.Locale,
    };
}
