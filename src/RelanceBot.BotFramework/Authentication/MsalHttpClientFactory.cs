using Microsoft.Identity.Client;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>Gives MSAL an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>, so its handler is configurable.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string HttpClientName = "RelanceBot.BotFramework.Msal";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(HttpClientName);
}
