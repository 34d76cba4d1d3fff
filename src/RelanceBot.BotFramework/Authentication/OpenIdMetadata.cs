using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>
/// The signing keys behind one metadata URL. Periodic refresh is the <see cref="ConfigurationManager{T}"/>'s job; an
/// unknown <c>kid</c> triggers an immediate refetch (IdentityModel 8's <c>RequestRefresh</c> refreshes in the
/// background, too late for the request at hand), at most once per <see cref="MinimumForcedRefreshInterval"/> so
/// forged kids cannot make us hammer the identity provider.
/// </summary>
public sealed class OpenIdMetadata : IDisposable
{
    public static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromSeconds(30);

    private readonly string _url;
    private readonly TimeProvider _timeProvider;
    private readonly HttpDocumentRetriever _retriever;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private OpenIdConnectConfiguration? _refetched;
    private DateTimeOffset _lastRefetch = DateTimeOffset.MinValue;

    internal OpenIdMetadata(string url, BotFrameworkOptions options, TimeProvider timeProvider)
    {
        _url = url;
        _timeProvider = timeProvider;
        _retriever = new HttpDocumentRetriever { RequireHttps = options.RequireHttpsMetadata };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), _retriever)
        {
            AutomaticRefreshInterval = options.MetadataRefreshInterval,
        };
    }

    /// <summary>The published key with this id and the metadata it came from; no key when it is not published.</summary>
    public async Task<(OpenIdConnectConfiguration Configuration, JsonWebKey? Key)> FindSigningKeyAsync(
        string? kid, CancellationToken cancellationToken)
    {
        var configuration = await _manager.GetConfigurationAsync(cancellationToken);
        if (FindKey(configuration, kid) is { } key)
        {
            return (configuration, key);
        }

        if (_refetched is { } refetched && FindKey(refetched, kid) is { } refetchedKey)
        {
            return (refetched, refetchedKey);
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            var now = _timeProvider.GetUtcNow();
            if (now - _lastRefetch < MinimumForcedRefreshInterval || string.IsNullOrEmpty(kid))
            {
                return (configuration, null);
            }

            _lastRefetch = now;
            _manager.RequestRefresh();
            _refetched = await OpenIdConnectConfigurationRetriever.GetAsync(_url, _retriever, cancellationToken);
            return (_refetched, FindKey(_refetched, kid));
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string? kid) =>
        string.IsNullOrEmpty(kid)
            ? null
            : configuration.JsonWebKeySet?.Keys.FirstOrDefault(key => string.Equals(key.Kid, kid, StringComparison.Ordinal));
}
