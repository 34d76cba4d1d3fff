using System.Security.Claims;

namespace RelanceBot.Practices;

/// <summary>The claims an authenticated API key carries: which practice it acts for, and which key it is.</summary>
public static class PracticeClaims
{
    public const string PracticeId = "relancebot:practice_id";

    public const string ApiKeyPrefix = "relancebot:api_key_prefix";

    public static Guid GetPracticeId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(PracticeId)
            ?? throw new InvalidOperationException("The caller is not authenticated as a practice."));
}
