using Microsoft.Extensions.Options;

namespace RelanceBot.BotFramework.Connector;

/// <summary>
/// Decides which serviceUrls the bot may call. With an app id: an allow-listed host suffix over HTTPS, since the bot's
/// token goes along. In anonymous mode nobody vouches for the serviceUrl (there is no token to check it against), so
/// only loopback Connectors (the Agents Playground, tests) and the prefixes of
/// <see cref="BotFrameworkOptions.AnonymousServiceUrls"/> are called: anything else would let a stranger make the bot
/// call cloud metadata endpoints, private addresses or any host of their choosing.
/// </summary>
public sealed class TrustedServiceUrlPolicy(IOptions<BotFrameworkOptions> options)
{
    public bool IsTrusted(Uri serviceUrl) =>
        options.Value.IsAnonymous ? IsAllowedAnonymously(serviceUrl) : IsTrustedConnectorHost(serviceUrl);

    /// <summary>The setting an operator changes to trust more, named in refusals.</summary>
    public string SettingName =>
        options.Value.IsAnonymous ? "BotFramework:AnonymousServiceUrls" : "BotFramework:AdditionalTrustedServiceUrlHosts";

    private bool IsTrustedConnectorHost(Uri serviceUrl)
    {
        // Plain HTTP leaks the token on the wire; it is only tolerated for loopback test connectors.
        if (serviceUrl.Scheme != Uri.UriSchemeHttps && !(serviceUrl.Scheme == Uri.UriSchemeHttp && serviceUrl.IsLoopback))
        {
            return false;
        }

        var host = serviceUrl.IdnHost;
        return options.Value.TrustedServiceUrlHosts.Any(suffix =>
            host.Equals(suffix, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + suffix.TrimStart('.'), StringComparison.OrdinalIgnoreCase));
    }

    private bool IsAllowedAnonymously(Uri serviceUrl)
    {
        if (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp)
        {
            return false;
        }

        return serviceUrl.IsLoopback || options.Value.AnonymousServiceUrls.Any(allowed => IsUnder(serviceUrl, allowed));
    }

    /// <summary>Same scheme, host and port, and a path under the allowed one segment by segment (<c>/emea</c> is not <c>/emeax</c>).</summary>
    private static bool IsUnder(Uri serviceUrl, string allowed) =>
        Uri.TryCreate(allowed, UriKind.Absolute, out var prefix)
        && string.Equals(serviceUrl.Scheme, prefix.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(serviceUrl.IdnHost, prefix.IdnHost, StringComparison.OrdinalIgnoreCase)
        && serviceUrl.Port == prefix.Port
        && WithTrailingSlash(serviceUrl.AbsolutePath).StartsWith(WithTrailingSlash(prefix.AbsolutePath), StringComparison.Ordinal);

    private static string WithTrailingSlash(string path) => path.EndsWith('/') ? path : path + "/";
}
