using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>
/// Client-credentials (or managed identity) tokens for the Connector. One MSAL application per process: its in-memory
/// cache serves the token until shortly before expiry, so most calls never reach Entra.
/// </summary>
internal sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private const string DefaultAuthorityHost = "https://login.microsoftonline.com";
    private const string MultiTenantAuthorityTenant = "botframework.com";

    private readonly BotFrameworkOptions _options;
    private readonly IMsalHttpClientFactory _httpClientFactory;
    private readonly Lazy<IConfidentialClientApplication> _confidentialClient;
    private readonly Lazy<IManagedIdentityApplication> _managedIdentity;

    public MsalConnectorTokenProvider(IOptions<BotFrameworkOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        _options = options.Value;
        _httpClientFactory = httpClientFactory;
        _confidentialClient = new Lazy<IConfidentialClientApplication>(CreateConfidentialClient);
        _managedIdentity = new Lazy<IManagedIdentityApplication>(CreateManagedIdentity);
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.IsAnonymous)
        {
            return null;
        }

        var result = _options.AppType == BotAppType.UserAssignedMSI
            ? await _managedIdentity.Value
                .AcquireTokenForManagedIdentity(ResourceFromScope(_options.ConnectorScope))
                .ExecuteAsync(cancellationToken)
            : await _confidentialClient.Value
                .AcquireTokenForClient([_options.ConnectorScope])
                .ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private IConfidentialClientApplication CreateConfidentialClient()
    {
        var tenant = _options.AppType == BotAppType.SingleTenant ? _options.AppTenantId! : MultiTenantAuthorityTenant;
        var authorityHost = _options.OAuthAuthorityHost.TrimEnd('/');
        var builder = ConfidentialClientApplicationBuilder.Create(_options.AppId)
            .WithClientSecret(_options.AppPassword)
            .WithAuthority($"{authorityHost}/{tenant}")
            .WithHttpClientFactory(_httpClientFactory);

        // Instance discovery only knows Microsoft's clouds; a custom host (a test token endpoint) must skip it.
        if (!string.Equals(authorityHost, DefaultAuthorityHost, StringComparison.OrdinalIgnoreCase))
        {
            builder = builder.WithInstanceDiscovery(false);
        }

        return builder.Build();
    }

    private IManagedIdentityApplication CreateManagedIdentity() =>
        ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(_options.AppId))
            .WithHttpClientFactory(_httpClientFactory)
            .Build();

    /// <summary>Managed identity endpoints want a resource (<c>https://api.botframework.com</c>), not a v2 scope.</summary>
    private static string ResourceFromScope(string scope) =>
        scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;
}
