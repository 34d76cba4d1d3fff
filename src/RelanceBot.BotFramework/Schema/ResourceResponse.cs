namespace RelanceBot.BotFramework.Schema;

/// <summary>The Connector's answer to a send; channels may omit the id (Teams splits text + card without one).</summary>
public sealed record ResourceResponse(string? Id = null);
