using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>
/// One <see cref="ConfigurationManager{T}"/> per metadata URL for the whole process (registered as a singleton), so
/// signing keys are fetched once and refreshed in the background, as both official SDKs do.
/// </summary>
public sealed class OpenIdMetadataCache(IOptions<BotFrameworkOptions> options)
{
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new(StringComparer.Ordinal);

    public ConfigurationManager<OpenIdConnectConfiguration> GetManager(string metadataUrl) =>
        _managers.GetOrAdd(metadataUrl, CreateManager);

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager(string metadataUrl) =>
        new(
            metadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = options.Value.RequireHttpsMetadata })
        {
            AutomaticRefreshInterval = options.Value.MetadataRefreshInterval,
        };
}
