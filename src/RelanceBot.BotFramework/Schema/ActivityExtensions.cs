using System.Text.Json;

namespace RelanceBot.BotFramework.Schema;

public static class ActivityExtensions
{
    /// <summary>A message answering <paramref name="activity"/>: accounts swapped, same conversation and locale.</summary>
    public static Activity CreateReply(this Activity activity, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = activity.ChannelId,
        ServiceUrl = activity.ServiceUrl,
        From = activity.Recipient,
        Recipient = activity.From,
        Conversation = activity.Conversation,
        ReplyToId = activity.Id,
        Locale = activity.Locale,
        Text = text,
    };

    /// <summary>The reference to store for proactive sends, with the tenant taken from Teams' channelData when needed.</summary>
    public static ConversationReference GetConversationReference(this Activity activity)
    {
        var conversation = activity.Conversation;
        var tenantId = conversation?.TenantId ?? activity.GetChannelDataTenantId();
        if (conversation is not null && conversation.TenantId is null && tenantId is not null)
        {
            conversation = conversation with { TenantId = tenantId };
        }

        return new ConversationReference
        {
            ActivityId = activity.Id,
            User = activity.From,
            Bot = activity.Recipient,
            Conversation = conversation,
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            Locale = activity.Locale,
        };
    }

    /// <summary>Teams' <c>channelData.tenant.id</c>, when present.</summary>
    public static string? GetChannelDataTenantId(this Activity activity)
    {
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } channelData
            || !channelData.TryGetProperty("tenant", out var tenant)
            || tenant.ValueKind != JsonValueKind.Object
            || !tenant.TryGetProperty("id", out var id)
            || id.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return id.GetString();
    }
}
