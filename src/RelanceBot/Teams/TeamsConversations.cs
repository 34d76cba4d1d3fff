using System.Text.Json;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.Teams;

/// <summary>How Teams shapes its conversations: channels, their threads, and the bot's mentions.</summary>
public static class TeamsConversations
{
    public const string ChannelId = "msteams";

    /// <summary>A team channel or group chat, where staff talk, as opposed to a patient's personal chat.</summary>
    public static bool IsStaffConversation(Activity activity)
    {
        if (!string.Equals(activity.ChannelId, ChannelId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return activity.Conversation?.ConversationType is "channel" or "groupChat"
            || TryGetChannelData(activity, "team", out _)
            || (activity.Conversation?.Id ?? "").StartsWith("19:", StringComparison.Ordinal);
    }

    /// <summary>
    /// The channel itself for a message in one of its threads (<c>19:…@thread.tacv2;messageid=…</c> → <c>19:…@thread.tacv2</c>):
    /// the place alerts are posted to and the key of a practice's link.
    /// </summary>
    public static string ChannelConversationId(string conversationId)
    {
        var thread = conversationId.IndexOf(';', StringComparison.Ordinal);
        return thread < 0 ? conversationId : conversationId[..thread];
    }

    /// <summary>The same activity, addressed to its channel rather than to the thread it arrived in.</summary>
    public static Activity ToChannel(Activity activity)
        => activity.Conversation?.Id is { } id
            ? activity with { Conversation = activity.Conversation with { Id = ChannelConversationId(id) } }
            : activity;

    /// <summary>The message's text without the <c>&lt;at&gt;…&lt;/at&gt;</c> mentions Teams puts in front of commands.</summary>
    public static string TextWithoutMentions(Activity activity)
    {
        var text = activity.Text ?? "";
        int start;
        while ((start = text.IndexOf("<at>", StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = text.IndexOf("</at>", start, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                break;
            }

            text = text[..start] + text[(end + "</at>".Length)..];
        }

        return text.Replace("&nbsp;", " ", StringComparison.Ordinal).Trim();
    }

    private static bool TryGetChannelData(Activity activity, string name, out JsonElement value)
    {
        value = default;
        return activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty(name, out value)
            && value.ValueKind == JsonValueKind.Object;
    }
}
