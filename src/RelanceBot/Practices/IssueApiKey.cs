using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;

namespace RelanceBot.Practices;

/// <summary>Issues another API key for a practice (e.g. to rotate keys); the plain key is returned once.</summary>
public sealed class IssueApiKey(RelanceBotDbContext db, TimeProvider timeProvider)
{
    /// <returns>The plain key, or null when the practice does not exist.</returns>
    public async Task<string?> HandleAsync(Guid practiceId, CancellationToken cancellationToken)
    {
        if (!await db.Practices.AnyAsync(practice => practice.Id == practiceId, cancellationToken))
        {
            return null;
        }

        var (key, plainKey) = PracticeApiKey.Issue(practiceId, timeProvider.GetUtcNow());
        db.PracticeApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return plainKey;
    }
}
