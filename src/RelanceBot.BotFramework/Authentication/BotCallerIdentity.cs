using System.Security.Claims;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>Who sent the inbound request: a validated token's claims, or nobody in anonymous local mode.</summary>
public sealed record BotCallerIdentity(ClaimsIdentity Claims, string? CallerAppId, bool IsAnonymous)
{
    public static BotCallerIdentity Anonymous { get; } = new(new ClaimsIdentity(), null, IsAnonymous: true);
}
