using RelanceBot.BotFramework.Authentication;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

/// <summary>One inbound activity being processed, and the means to answer it.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    BotCallerIdentity Caller { get; }

    /// <summary>Set by the bot while handling an <c>invoke</c>; becomes the HTTP response. None means 501.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>
    /// Sends an activity to the turn's conversation; conversation, from, recipient, replyToId and locale are taken
    /// from the inbound activity when missing. Under <c>expectReplies</c> it is buffered for the HTTP response instead.
    /// </summary>
    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken);
}
