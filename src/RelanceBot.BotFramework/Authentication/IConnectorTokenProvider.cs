namespace RelanceBot.BotFramework.Authentication;

/// <summary>Supplies the bot's bearer token for Connector calls; null in anonymous mode (no header is sent).</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}
