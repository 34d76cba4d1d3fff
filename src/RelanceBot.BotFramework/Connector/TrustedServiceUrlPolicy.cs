using Microsoft.Extensions.Options;

namespace RelanceBot.BotFramework.Connector;

/// <summary>Decides whether a serviceUrl may receive the bot's token: an allow-listed host suffix over HTTPS.</summary>
public sealed class TrustedServiceUrlPolicy(IOptions<BotFrameworkOptions> options)
{
    public bool IsTrusted(Uri serviceUrl)
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
}
