using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Authentication;

/// <summary>Checks the <c>Authorization</c> header of an inbound activity against the activity itself.</summary>
public interface IActivityAuthenticator
{
    Task<ActivityAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
