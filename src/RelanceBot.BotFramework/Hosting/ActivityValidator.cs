using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

/// <summary>
/// The envelope fields without which an inbound activity cannot be routed nor answered, and the length caps of
/// <see cref="ActivityLengthLimits"/>.
/// </summary>
internal static class ActivityValidator
{
    public static Dictionary<string, string[]> Validate(Activity activity)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            errors["type"] = ["The activity type is required."];
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            errors["conversation.id"] = ["The conversation id is required."];
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            errors["channelId"] = ["The channel id is required."];
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            errors["serviceUrl"] = ["The serviceUrl is required."];
        }
        else if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            errors["serviceUrl"] = ["The serviceUrl must be an absolute HTTP(S) URL."];
        }

        ActivityLengthLimits.Check(activity, errors);
        return errors;
    }
}
