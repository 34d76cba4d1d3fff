using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>
/// One <see cref="OpenIdMetadata"/> per metadata URL for the whole process (registered as a singleton), so signing
/// keys are fetched once and refreshed periodically, as both official SDKs do.
/// </summary>
public sealed class OpenIdMetadataCache(IOptions<BotFrameworkOptions> options, TimeProvider timeProvider) : IDisposable
{
    private readonly ConcurrentDictionary<string, OpenIdMetadata> _metadata = new(StringComparer.Ordinal);

    public OpenIdMetadata Get(string metadataUrl) =>
        _metadata.GetOrAdd(metadataUrl, url => new OpenIdMetadata(url, options.Value, timeProvider));

    public void Dispose()
    {
        foreach (var metadata in _metadata.Values)
        {
            metadata.Dispose();
        }
    }
}
