using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>
/// The signing keys behind one metadata URL. One fetch at a time, shared by every request that needs it; a failed
/// fetch is remembered with an exponential back-off, so an identity provider that is down or slow costs one bounded
/// fetch per back-off period instead of one per request (IdentityModel's ConfigurationManager refetched on every
/// call until its first success). Known keys are served while a refresh runs in the background; an unknown
/// <c>kid</c> (key rotation) triggers an immediate refetch at most once per <see cref="MinimumForcedRefreshInterval"/>.
/// </summary>
public sealed class OpenIdMetadata
{
    public static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaximumRetryDelay = TimeSpan.FromMinutes(5);

    private readonly string _url;
    private readonly IDocumentRetriever _retriever;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private OpenIdConnectConfiguration? _configuration;
    private DateTimeOffset _refreshDueAt;
    private Task<OpenIdConnectConfiguration?>? _fetch;
    private DateTimeOffset _retryAfter = DateTimeOffset.MinValue;
    private TimeSpan _retryDelay;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    internal OpenIdMetadata(string url, IDocumentRetriever retriever, TimeSpan refreshInterval, TimeProvider timeProvider, ILogger logger)
    {
        _url = url;
        _retriever = retriever;
        _refreshInterval = refreshInterval;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    private bool IsFailing => _retryDelay > TimeSpan.Zero;

    /// <summary>
    /// The published key with this id. Never throws for the provider's sake: when no metadata could be obtained the
    /// lookup says so, and the caller answers 401.
    /// </summary>
    public async Task<SigningKeyLookup> FindSigningKeyAsync(string kid, CancellationToken cancellationToken)
    {
        var configuration = _configuration;
        if (configuration is null)
        {
            configuration = await RefreshAsync(wait: true, cancellationToken);
        }
        else if (_timeProvider.GetUtcNow() >= _refreshDueAt)
        {
            _ = RefreshAsync(wait: false, CancellationToken.None);
        }

        if (configuration is null)
        {
            return SigningKeyLookup.Unavailable;
        }

        if (FindKey(configuration, kid) is { } key)
        {
            return new SigningKeyLookup(configuration, key);
        }

        if (!TryClaimForcedRefresh())
        {
            return new SigningKeyLookup(configuration, null);
        }

        var refreshed = await RefreshAsync(wait: true, cancellationToken) ?? configuration;
        return new SigningKeyLookup(refreshed, FindKey(refreshed, kid));
    }

    private bool TryClaimForcedRefresh()
    {
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (now - _lastForcedRefresh < MinimumForcedRefreshInterval)
            {
                return false;
            }

            _lastForcedRefresh = now;
            return true;
        }
    }

    /// <summary>
    /// Starts a fetch unless one is running or the back-off forbids it. The caller waits for the fetch only when it
    /// asked to and the provider is not known to be failing: during an outage nobody waits, they get the last keys
    /// (or none) at once while one request per back-off period probes the provider.
    /// </summary>
    private async Task<OpenIdConnectConfiguration?> RefreshAsync(bool wait, CancellationToken cancellationToken)
    {
        Task<OpenIdConnectConfiguration?> fetch;
        lock (_lock)
        {
            if (_fetch is null)
            {
                if (_timeProvider.GetUtcNow() < _retryAfter)
                {
                    return _configuration;
                }

                _fetch = FetchAsync();
            }
            else if (IsFailing)
            {
                return _configuration;
            }

            fetch = _fetch;
        }

        return wait ? await fetch.WaitAsync(cancellationToken) : _configuration;
    }

    private async Task<OpenIdConnectConfiguration?> FetchAsync()
    {
        // Leave the caller's lock first: a retriever that completes synchronously must not re-enter it.
        await Task.Yield();
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(_url, _retriever, CancellationToken.None);
            if (configuration.SigningKeys.Count == 0)
            {
                throw new InvalidOperationException("The metadata publishes no signing keys.");
            }

            lock (_lock)
            {
                if (IsFailing)
                {
                    _logger.LogInformation("OpenID metadata {MetadataUrl} is reachable again", _url);
                }

                _configuration = configuration;
                _refreshDueAt = _timeProvider.GetUtcNow() + _refreshInterval;
                _retryDelay = TimeSpan.Zero;
                _retryAfter = DateTimeOffset.MinValue;
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            lock (_lock)
            {
                // One warning per outage; the retries behind it are only worth a debug line.
                _logger.Log(IsFailing ? LogLevel.Debug : LogLevel.Warning, exception,
                    "OpenID metadata {MetadataUrl} could not be fetched; tokens needing it are refused with 401 until it can", _url);
                _retryDelay = IsFailing ? TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, MaximumRetryDelay.Ticks)) : FirstRetryDelay;
                _retryAfter = _timeProvider.GetUtcNow() + _retryDelay;
            }
        }
        finally
        {
            lock (_lock)
            {
                _fetch = null;
            }
        }

        return _configuration;
    }

    private static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string kid) =>
        configuration.JsonWebKeySet?.Keys.FirstOrDefault(key => string.Equals(key.Kid, kid, StringComparison.Ordinal));
}

/// <summary>A key lookup: the metadata and the key when found; no metadata when the provider could not be reached.</summary>
public sealed record SigningKeyLookup(OpenIdConnectConfiguration? Configuration, JsonWebKey? Key)
{
    public static SigningKeyLookup Unavailable { get; } = new(null, null);
}
