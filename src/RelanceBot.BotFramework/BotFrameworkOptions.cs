using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace RelanceBot.BotFramework;

/// <summary>
/// Bot identity and protocol settings. The four <c>MicrosoftApp*</c> keys are read from the configuration root (the
/// names every Bot Framework tool and Azure template uses); everything else from the <c>BotFramework</c> section.
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>Bot Service Entra tenants that issue channel tokens (Agents SDK defaults).</summary>
    public static readonly IReadOnlyList<string> BotServiceTenantIds =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    /// <summary>Entra issuer forms (v1 and v2); <c>{tenant}</c> is replaced by each accepted tenant id.</summary>
    public static readonly IReadOnlyList<string> EntraIssuerTemplates =
    [
        "https://sts.windows.net/{tenant}/",
        "https://login.microsoftonline.com/{tenant}/v2.0",
    ];

    /// <summary>
    /// Connector hosts (suffixes) that may receive the bot's token. The bare <c>trafficmanager.net</c> is deliberately
    /// absent: anyone can register a name under it.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultTrustedServiceUrlHosts =
    [
        "botframework.com",
        "botframework.azure.us",
        "smba.trafficmanager.net",
        "teams.microsoft.com",
        "teams.microsoft.us",
    ];

    [ConfigurationKeyName("MicrosoftAppType")]
    public BotAppType AppType { get; set; } = BotAppType.MultiTenant;

    [ConfigurationKeyName("MicrosoftAppId")]
    public string? AppId { get; set; }

    [ConfigurationKeyName("MicrosoftAppPassword")]
    public string? AppPassword { get; set; }

    [ConfigurationKeyName("MicrosoftAppTenantId")]
    public string? AppTenantId { get; set; }

    /// <summary>Honoured only when no app id is configured; Development allows anonymous mode without it.</summary>
    public bool AllowAnonymous { get; set; }

    [Required, Url]
    public string ChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    [Required, Url]
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Entra metadata per tenant; <c>{tenant}</c> is replaced by the token's tenant.</summary>
    [Required]
    public string EntraOpenIdMetadataUrlTemplate { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>Tenants whose Entra tokens are accepted, in addition to <see cref="BotServiceTenantIds"/> and <see cref="AppTenantId"/>.</summary>
    public IList<string> AdditionalEntraTenantIds { get; set; } = [];

    /// <summary>
    /// Callers (Entra <c>appid</c>/<c>azp</c>) accepted besides the bot itself, e.g. the Agents Playground's client id.
    /// </summary>
    public IList<string> AdditionalAllowedCallerAppIds { get; set; } = [];

    /// <summary>Only tests serving metadata from loopback should turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    [Range(typeof(TimeSpan), "00:01:00", "24:00:00")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Longest wait for the OpenID metadata and keys. Only the first fetch after start, and one probe per back-off
    /// period during an outage, can make a request wait this long; the channel expects an answer within 15 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:10")]
    public TimeSpan MetadataFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Anonymous mode only: serviceUrl prefixes (scheme, host, port, path) accepted besides loopback, e.g. a dev tunnel
    /// in front of the Agents Playground. Nothing else is accepted nor called without an app id.
    /// </summary>
    public IList<string> AnonymousServiceUrls { get; set; } = [];

    /// <summary>Hosts (suffixes) trusted in addition to <see cref="DefaultTrustedServiceUrlHosts"/>.</summary>
    public IList<string> AdditionalTrustedServiceUrlHosts { get; set; } = [];

    [Required, Url]
    public string OAuthAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    [Required]
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Retries after the first attempt.</summary>
    [Range(1, 10)]
    public int ConnectorMaxRetryAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 10_000_000)]
    public int DeduplicationMaxEntries { get; set; } = 100_000;

    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodySize { get; set; } = 256 * 1024;

    /// <summary>No app id means anonymous mode; startup validation guarantees it was explicitly allowed.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    public IEnumerable<string> TrustedServiceUrlHosts => DefaultTrustedServiceUrlHosts.Concat(AdditionalTrustedServiceUrlHosts);

    public IEnumerable<string> EntraTenantIds =>
        BotServiceTenantIds.Concat(AdditionalEntraTenantIds)
            .Concat(string.IsNullOrWhiteSpace(AppTenantId) ? [] : [AppTenantId])
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
