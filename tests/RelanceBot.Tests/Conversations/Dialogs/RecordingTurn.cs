using RelanceBot.BotFramework.Authentication;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.Tests.Conversations.Dialogs;

/// <summary>A turn whose replies are kept in memory, for dialog unit tests.</summary>
internal sealed class RecordingTurn(string text, string channelId = "webchat") : ITurnContext
{
    public Activity Activity { get; } = new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = channelId,
        Text = text,
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "conversation" },
    };

    public BotCallerIdentity Caller => throw new NotSupportedException();

    public InvokeResponse? InvokeResponse { get; set; }

    public List<Activity> Sent { get; } = [];

    public Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Sent.Add(activity);
        return Task.FromResult<ResourceResponse?>(null);
    }

    public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
