namespace RelanceBot.BotFramework.Connector;

/// <summary>Thrown before any request when a serviceUrl is outside what <see cref="TrustedServiceUrlPolicy"/> allows.</summary>
public sealed class UntrustedServiceUrlException(string serviceUrl, string settingName)
    : Exception($"The serviceUrl '{serviceUrl}' is not a trusted Connector; add it to {settingName} if it is legitimate.")
{
    public string ServiceUrl { get; } = serviceUrl;
}
