using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RelanceBot.Tests.BotFramework.TestInfrastructure;

/// <summary>
/// Stands in for login.botframework.com and Entra on loopback: OpenID metadata + JWKS (with channel endorsements)
/// over HTTP, and an OAuth token endpoint over HTTPS with a self-signed certificate (MSAL insists on HTTPS).
/// </summary>
public sealed class LocalIdentityProvider : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    // One certificate for the whole run: RSA key generation is the slowest part of starting a provider.
    private static readonly Lazy<X509Certificate2> SharedCertificate = new(CreateSelfSignedCertificate);

    private readonly WebApplication _app;
    private readonly List<SigningKey> _publishedKeys = [];
    private readonly Lock _lock = new();
    private int _tokenRequests;
    private int _metadataRequests;

    private LocalIdentityProvider(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>How the metadata endpoint misbehaves: null serves it; otherwise it answers this status after <see cref="MetadataDelay"/>.</summary>
    public int? MetadataFailureStatus { get; set; }

    /// <summary>Delay before the metadata endpoint answers (a slow identity provider).</summary>
    public TimeSpan MetadataDelay { get; set; }

    public Uri HttpAddress => _app.BaseAddress("http");

    public Uri HttpsAddress => _app.BaseAddress("https");

    public string ChannelMetadataUrl => new Uri(HttpAddress, "/v1/.well-known/openidconfiguration").AbsoluteUri;

    public string EntraMetadataUrlTemplate => HttpAddress.AbsoluteUri + "{tenant}/v2.0/.well-known/openid-configuration";

    public static async Task<LocalIdentityProvider> StartAsync()
    {
        var certificate = SharedCertificate.Value;
        var builder = LoopbackServer.CreateBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var provider = new LocalIdentityProvider(app, certificate);
        provider.MapEndpoints(app);
        await app.StartAsync();
        return provider;
    }

    /// <summary>Creates an RSA key, published in the JWKS with these endorsements unless <paramref name="publish"/> is false.</summary>
    public SigningKey CreateKey(bool publish = true, params string[] endorsements)
    {
        var key = new SigningKey(new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") }, endorsements);
        if (publish)
        {
            Publish(key);
        }

        return key;
    }

    public void Publish(SigningKey key)
    {
        lock (_lock)
        {
            _publishedKeys.Add(key);
        }
    }

    public static string CreateToken(SigningKey key, string issuer, string audience, IDictionary<string, object> claims, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expiry < now ? expiry.AddHours(-1) : now.AddMinutes(-1),
            IssuedAt = expiry < now ? expiry.AddHours(-1) : now.AddMinutes(-1),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public static string CreateChannelToken(SigningKey key, string audience, string serviceUrl, DateTime? expires = null) =>
        CreateToken(key, ChannelIssuer, audience, new Dictionary<string, object> { ["serviceurl"] = serviceUrl }, expires);

    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", (CancellationToken aborted) => MetadataAsync(ChannelIssuer, aborted));
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, CancellationToken aborted) =>
            MetadataAsync($"https://login.microsoftonline.com/{tenant}/v2.0", aborted));
        app.MapGet("/keys", () =>
        {
            lock (_lock)
            {
                return Results.Json(new { keys = _publishedKeys.Select(ToJwk).ToList() });
            }
        });
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref _tokenRequests);
            var form = await request.ReadFormAsync();
            return form["grant_type"] == "client_credentials" && form["client_secret"] == "test-secret"
                ? Results.Json(new
                {
                    token_type = "Bearer",
                    expires_in = 3600,
                    ext_expires_in = 3600,
                    access_token = $"connector-token-for-{form["client_id"]}-scope-{form["scope"]}",
                })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });
    }

    private async Task<IResult> MetadataAsync(string issuer, CancellationToken aborted)
    {
        Interlocked.Increment(ref _metadataRequests);
        if (MetadataDelay > TimeSpan.Zero)
        {
            await Task.Delay(MetadataDelay, aborted);
        }

        if (MetadataFailureStatus is { } status)
        {
            return Results.StatusCode(status);
        }

        return Results.Json(new
        {
            issuer,
            jwks_uri = new Uri(HttpAddress, "/keys").AbsoluteUri,
            id_token_signing_alg_values_supported = new[] { "RS256" },
        });
    }

    private static Dictionary<string, object> ToJwk(SigningKey key)
    {
        var parameters = key.Key.Rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.Key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = key.Endorsements,
        };
    }

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Kestrel on Linux needs a certificate whose private key is not ephemeral: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), password: null);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record SigningKey(RsaSecurityKey Key, string[] Endorsements);
