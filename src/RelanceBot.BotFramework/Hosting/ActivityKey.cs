namespace RelanceBot.BotFramework.Hosting;

/// <summary>Identity of a delivery: activity ids are only unique within a channel's conversation.</summary>
public readonly record struct ActivityKey(string ChannelId, string ConversationId, string ActivityId);
