using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>
/// One <see cref="OpenIdMetadata"/> per metadata URL for the whole process (registered as a singleton), so signing
/// keys are fetched once and refreshed periodically, as both official SDKs do. The URLs come from configuration and
/// the accepted issuers only, never from a token, so the dictionary stays small.
/// </summary>
public sealed class OpenIdMetadataCache(
    IOptions<BotFrameworkOptions> options,
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    ILogger<OpenIdMetadata> logger)
{
    /// <summary>The named client for metadata fetches; its timeout is <see cref="BotFrameworkOptions.MetadataFetchTimeout"/>.</summary>
    public const string HttpClientName = "openid-metadata";

    private readonly ConcurrentDictionary<string, OpenIdMetadata> _metadata = new(StringComparer.Ordinal);

    public OpenIdMetadata Get(string metadataUrl) => _metadata.GetOrAdd(metadataUrl, Create);

    private OpenIdMetadata Create(string url)
    {
        var settings = options.Value;
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName)) { RequireHttps = settings.RequireHttpsMetadata };
        return new OpenIdMetadata(url, retriever, settings.MetadataRefreshInterval, timeProvider, logger);
    }
}
