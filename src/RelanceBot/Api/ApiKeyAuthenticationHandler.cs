using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Auditing;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Api;

/// <summary>
/// Authenticates a practice by the <c>X-Api-Key</c> header: the key is hashed and looked up among unrevoked keys,
/// and the request's audit actor becomes <c>api-key:&lt;prefix&gt;</c>. Failures answer 401 problem+json.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    RelanceBotDbContext db,
    ScopedAuditActor auditActor,
    IProblemDetailsService problemDetails) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[PracticeApiKeyAuthentication.HeaderName].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeyFormat.Hash(presented);
        var key = await db.PracticeApiKeys.AsNoTracking()
            .Where(candidate => candidate.KeyHash == hash && candidate.RevokedAt == null)
            .Select(candidate => new { candidate.PracticeId, candidate.Prefix })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        auditActor.Use($"api-key:{key.Prefix}");
        var identity = new ClaimsIdentity(
            [
                new Claim(PracticeClaims.PracticeId, key.PracticeId.ToString()),
                new Claim(PracticeClaims.ApiKeyPrefix, key.Prefix),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{PracticeApiKeyAuthentication.HeaderName}\"";
        var detail = Request.Headers.ContainsKey(PracticeApiKeyAuthentication.HeaderName)
            ? "The API key is unknown or has been revoked."
            : $"Send the practice's API key in the {PracticeApiKeyAuthentication.HeaderName} header.";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized", Detail = detail },
        });
    }
}
