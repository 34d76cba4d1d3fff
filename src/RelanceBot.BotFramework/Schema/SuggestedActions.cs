namespace RelanceBot.BotFramework.Schema;

public sealed record SuggestedActions
{
    /// <summary>Ids of the recipients who see the actions; null means everybody.</summary>
    public IReadOnlyList<string>? To { get; init; }

    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}
