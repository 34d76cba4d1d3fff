using RelanceBot.BotFramework.Authentication;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

internal sealed class TurnContext(Activity activity, BotCallerIdentity caller, IConnectorClient connector) : ITurnContext
{
    private readonly List<Activity> _bufferedReplies = [];

    public Activity Activity { get; } = activity;

    public BotCallerIdentity Caller { get; } = caller;

    public InvokeResponse? InvokeResponse { get; set; }

    public bool ExpectsReplies => string.Equals(Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>What the bot sent during an <c>expectReplies</c> turn, in order.</summary>
    public IReadOnlyList<Activity> BufferedReplies => _bufferedReplies;

    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var outbound = AddressFromInbound(activity);
        if (ExpectsReplies)
        {
            lock (_bufferedReplies)
            {
                _bufferedReplies.Add(outbound);
            }

            return null;
        }

        var serviceUrl = Activity.ServiceUrl!;
        var conversationId = outbound.Conversation?.Id ?? Activity.Conversation!.Id!;
        return outbound.ReplyToId is { Length: > 0 } replyToId
            ? await connector.ReplyToActivityAsync(serviceUrl, conversationId, replyToId, outbound, cancellationToken)
            : await connector.SendToConversationAsync(serviceUrl, conversationId, outbound, cancellationToken);
    }

    public async Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            throw new ArgumentException("The activity to update needs the id the Connector returned when it was sent.", nameof(activity));
        }

        var outbound = AddressFromInbound(activity) with { ReplyToId = activity.ReplyToId };
        return await connector.UpdateActivityAsync(
            Activity.ServiceUrl!, outbound.Conversation!.Id!, activity.Id, outbound, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) =>
        connector.DeleteActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, activityId, cancellationToken);

    private Activity AddressFromInbound(Activity activity) => activity with
    {
        Type = activity.Type ?? ActivityTypes.Message,
        ChannelId = activity.ChannelId ?? Activity.ChannelId,
        Conversation = activity.Conversation ?? Activity.Conversation,
        From = activity.From ?? Activity.Recipient,
        Recipient = activity.Recipient ?? Activity.From,
        ReplyToId = activity.ReplyToId ?? Activity.Id,
        Locale = activity.Locale ?? Activity.Locale,
    };
}
