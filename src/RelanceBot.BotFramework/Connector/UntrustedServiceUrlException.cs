namespace RelanceBot.BotFramework.Connector;

/// <summary>Thrown before any request when the bot's token would be sent to a serviceUrl outside the allow-list.</summary>
public sealed class UntrustedServiceUrlException(string serviceUrl)
    : Exception($"The serviceUrl '{serviceUrl}' is not a trusted Connector host; add its host to BotFramework:AdditionalTrustedServiceUrlHosts if it is legitimate.")
{
    public string ServiceUrl { get; } = serviceUrl;
}
