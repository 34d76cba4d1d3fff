using Microsoft.EntityFrameworkCore;

namespace RelanceBot.Persistence;

public static class DbContextExtensions
{
    /// <summary>
    /// Saves, reporting false when another writer got there first (a stale concurrency version, or a unique
    /// reference created at the same time), so the caller can answer "retry" instead of failing.
    /// </summary>
    public static async Task<bool> TrySaveChangesAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
