namespace RelanceBot.BotFramework.Schema;

/// <summary>
/// Everything needed to message a conversation later (proactive send). The tenant lives in
/// <see cref="ConversationAccount.TenantId"/> of <see cref="Conversation"/>.
/// </summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public string? Locale { get; init; }
}
