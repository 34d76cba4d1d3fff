using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;

namespace RelanceBot.Practices;

/// <summary>Revokes a practice's API key, identified by its non-secret prefix.</summary>
public sealed class RevokeApiKey(RelanceBotDbContext db, TimeProvider timeProvider)
{
    /// <returns>False when the practice has no key with that prefix.</returns>
    public async Task<bool> HandleAsync(Guid practiceId, string prefix, CancellationToken cancellationToken)
    {
        var keys = await db.PracticeApiKeys
            .Where(key => key.PracticeId == practiceId && key.Prefix == prefix)
            .ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            key.Revoke(timeProvider.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return keys.Count > 0;
    }
}
