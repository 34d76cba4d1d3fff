namespace RelanceBot.BotFramework.Schema;

/// <summary>Answer to <c>POST /v3/conversations</c>: the new conversation id and, when an activity was posted, its id.</summary>
public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}
