using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>
/// Validates channel → bot tokens as the Bot Framework requires (connector-authentication, "Verify the JWT token"):
/// Bot Framework channel tokens (endorsement + <c>serviceurl</c> claim) and Entra-issued tokens (caller app id).
/// </summary>
internal sealed class JwtActivityAuthenticator(
    IOptions<BotFrameworkOptions> options,
    OpenIdMetadataCache metadataCache,
    TimeProvider timeProvider,
    ILogger<JwtActivityAuthenticator> logger) : IActivityAuthenticator
{
    private const string ServiceUrlClaim = "serviceurl";

    /// <summary>Bot Framework and Entra both sign with RS256; anything else (none, HS256, ...) is a forgery.</summary>
    private const string AcceptedAlgorithm = SecurityAlgorithms.RsaSha256;

    /// <summary>A channel token is about 1.5 KB; the cap keeps a hostile header from reaching the base64 decoder.</summary>
    private const int MaxTokenLength = 8 * 1024;

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly Dictionary<string, string> _entraIssuerTenants = BuildEntraIssuers(options.Value);

    /// <summary>
    /// Everything a token says about itself is checked before its issuer's keys are looked up (format, algorithm,
    /// lifetime, issuer, audience), so a forged token costs no outbound request; the signature comes last.
    /// </summary>
    public async Task<ActivityAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;

        // Anonymous mode ignores any token: nothing is configured to validate it against, and startup validation only
        // allows this mode in Development or when explicitly enabled.
        if (settings.IsAnonymous)
        {
            return ActivityAuthenticationResult.Success(BotCallerIdentity.Anonymous);
        }

        if (!TryGetBearerToken(authorizationHeader, out var token))
        {
            return ActivityAuthenticationResult.Unauthorized("The request has no 'Authorization: Bearer' token.");
        }

        if (ReadUnverified(token) is not { } jwt)
        {
            return ActivityAuthenticationResult.Unauthorized("The bearer token is not a well-formed JWT.");
        }

        if (CheckOwnClaims(jwt, settings, out var metadataUrl) is { } refused)
        {
            return refused;
        }

        var lookup = await metadataCache.Get(metadataUrl).FindSigningKeyAsync(jwt.Kid, cancellationToken);
        if (lookup.Configuration is null)
        {
            return ActivityAuthenticationResult.Unauthorized("The token issuer's signing keys are unavailable; retry later.");
        }

        if (lookup.Key is not { } signingKey)
        {
            return ActivityAuthenticationResult.Unauthorized("The token is signed with an unknown key.");
        }

        var validation = await _handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = settings.AppId,
            IssuerSigningKey = signingKey,
            ValidAlgorithms = [AcceptedAlgorithm],
            // Lifetime was checked above, on the injected clock.
            ValidateLifetime = false,
            RequireSignedTokens = true,
        });
        if (!validation.IsValid)
        {
            logger.LogInformation("Inbound token rejected: {Reason}", validation.Exception?.GetType().Name);
            return ActivityAuthenticationResult.Unauthorized(DescribeFailure(validation.Exception));
        }

        var claims = validation.ClaimsIdentity;
        return string.Equals(jwt.Issuer, settings.ChannelTokenIssuer, StringComparison.Ordinal)
            ? CheckChannelToken(claims, signingKey, activity)
            : CheckEntraToken(claims, jwt.Issuer, activity, settings);
    }

    private static JsonWebToken? ReadUnverified(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        try
        {
            var jwt = new JsonWebToken(token);
            return jwt.IsEncrypted ? null : jwt;
        }
        catch (ArgumentException)
        {
            // SecurityTokenMalformedException and its kin: not base64url, not JSON, not three segments.
            return null;
        }
    }

    /// <summary>The checks that need nothing but the token and the clock; null when they all pass.</summary>
    private ActivityAuthenticationResult? CheckOwnClaims(JsonWebToken jwt, BotFrameworkOptions settings, out string metadataUrl)
    {
        metadataUrl = string.Empty;
        if (!string.Equals(jwt.Alg, AcceptedAlgorithm, StringComparison.Ordinal))
        {
            return ActivityAuthenticationResult.Unauthorized("The token signing algorithm is not accepted.");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return ActivityAuthenticationResult.Unauthorized("The token names no signing key; it is signed with an unknown key.");
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _))
        {
            return ActivityAuthenticationResult.Unauthorized("The token has no expiry.");
        }

        if (jwt.ValidTo < now - ClockSkew)
        {
            return ActivityAuthenticationResult.Unauthorized("The token has expired.");
        }

        if (jwt.ValidFrom > now + ClockSkew)
        {
            return ActivityAuthenticationResult.Unauthorized("The token is not valid yet.");
        }

        if (string.Equals(jwt.Issuer, settings.ChannelTokenIssuer, StringComparison.Ordinal))
        {
            metadataUrl = settings.ChannelOpenIdMetadataUrl;
        }
        else if (_entraIssuerTenants.TryGetValue(jwt.Issuer, out var tenantId))
        {
            metadataUrl = settings.EntraOpenIdMetadataUrlTemplate.Replace("{tenant}", tenantId, StringComparison.Ordinal);
        }
        else
        {
            return ActivityAuthenticationResult.Unauthorized("The token issuer is not accepted.");
        }

        return jwt.Audiences.Contains(settings.AppId, StringComparer.Ordinal)
            ? null
            : ActivityAuthenticationResult.Unauthorized("The token audience is not this bot's app id.");
    }

    private static ActivityAuthenticationResult CheckChannelToken(ClaimsIdentity claims, JsonWebKey signingKey, Activity activity)
    {
        if (!string.IsNullOrEmpty(activity.ChannelId) && !GetEndorsements(signingKey).Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
        {
            return ActivityAuthenticationResult.Forbidden($"The signing key is not endorsed for channel '{activity.ChannelId}'.");
        }

        var serviceUrl = claims.FindFirst(ServiceUrlClaim)?.Value;
        if (serviceUrl is null)
        {
            return ActivityAuthenticationResult.Unauthorized("The channel token has no 'serviceurl' claim.");
        }

        return ServiceUrlMatches(serviceUrl, activity)
            ? ActivityAuthenticationResult.Success(new BotCallerIdentity(claims, CallerAppId: null, IsAnonymous: false))
            : ActivityAuthenticationResult.Unauthorized("The token's 'serviceurl' claim does not match the activity's serviceUrl.");
    }

    private ActivityAuthenticationResult CheckEntraToken(ClaimsIdentity claims, string issuer, Activity activity, BotFrameworkOptions settings)
    {
        var version = claims.FindFirst("ver")?.Value;
        var callerAppId = version switch
        {
            "1.0" => claims.FindFirst("appid")?.Value,
            "2.0" => claims.FindFirst("azp")?.Value,
            _ => null,
        };
        if (callerAppId is null)
        {
            return ActivityAuthenticationResult.Unauthorized("The Entra token has no caller app id ('ver' with 'appid' or 'azp').");
        }

        var allowedCaller = string.Equals(callerAppId, settings.AppId, StringComparison.OrdinalIgnoreCase)
            || settings.AdditionalAllowedCallerAppIds.Contains(callerAppId, StringComparer.OrdinalIgnoreCase);
        if (!allowedCaller)
        {
            return ActivityAuthenticationResult.Unauthorized("The token's caller app id is not allowed.");
        }

        var tenantClaim = claims.FindFirst("tid")?.Value;
        if (tenantClaim is not null && !string.Equals(tenantClaim, _entraIssuerTenants[issuer], StringComparison.OrdinalIgnoreCase))
        {
            return ActivityAuthenticationResult.Unauthorized("The token's tenant does not match its issuer.");
        }

        var serviceUrl = claims.FindFirst(ServiceUrlClaim)?.Value;
        if (serviceUrl is not null && !ServiceUrlMatches(serviceUrl, activity))
        {
            return ActivityAuthenticationResult.Unauthorized("The token's 'serviceurl' claim does not match the activity's serviceUrl.");
        }

        return ActivityAuthenticationResult.Success(new BotCallerIdentity(claims, callerAppId, IsAnonymous: false));
    }

    private static bool ServiceUrlMatches(string claim, Activity activity) =>
        string.Equals(claim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase);

    private static bool TryGetBearerToken(string? header, out string token)
    {
        const string scheme = "Bearer ";
        token = string.Empty;
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = header[scheme.Length..].Trim();
        return token.Length > 0;
    }

    /// <summary>
    /// The JWKS <c>endorsements</c> array (channels allowed to use the key). IdentityModel keeps unknown JWK members in
    /// <see cref="JsonWebKey.AdditionalData"/>; the value's runtime type is not part of its contract, hence the cases.
    /// </summary>
    private static IEnumerable<string> GetEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            IEnumerable<object> items => items.OfType<string>(),
            string single => [single],
            _ => [],
        };
    }

    private static string DescribeFailure(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "The token audience is not this bot's app id.",
        SecurityTokenInvalidIssuerException => "The token issuer is not accepted.",
        SecurityTokenInvalidAlgorithmException => "The token signing algorithm is not accepted.",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed with an unknown key.",
        SecurityTokenInvalidSignatureException => "The token signature is invalid.",
        _ => "The token is invalid.",
    };

    private static Dictionary<string, string> BuildEntraIssuers(BotFrameworkOptions settings) =>
        settings.EntraTenantIds
            .SelectMany(tenant => BotFrameworkOptions.EntraIssuerTemplates.Select(template =>
                (Issuer: template.Replace("{tenant}", tenant, StringComparison.Ordinal), Tenant: tenant)))
            .ToDictionary(pair => pair.Issuer, pair => pair.Tenant, StringComparer.Ordinal);
}
