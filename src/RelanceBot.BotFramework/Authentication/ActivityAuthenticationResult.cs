using Microsoft.AspNetCore.Http;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>Outcome of authenticating an inbound activity; a failure carries the HTTP status (401 or 403) and why.</summary>
public sealed record ActivityAuthenticationResult
{
    private ActivityAuthenticationResult(BotCallerIdentity? identity, int failureStatusCode, string? failureDetail)
    {
        Identity = identity;
        FailureStatusCode = failureStatusCode;
        FailureDetail = failureDetail;
    }

    public BotCallerIdentity? Identity { get; }
    public int FailureStatusCode { get; }
    public string? FailureDetail { get; }
    public bool Succeeded => Identity is not null;

    public static ActivityAuthenticationResult Success(BotCallerIdentity identity) => new(identity, 0, null);

    public static ActivityAuthenticationResult Unauthorized(string detail) => new(null, StatusCodes.Status401Unauthorized, detail);

    public static ActivityAuthenticationResult Forbidden(string detail) => new(null, StatusCodes.Status403Forbidden, detail);
}
