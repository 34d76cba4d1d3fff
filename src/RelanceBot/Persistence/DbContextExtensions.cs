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

    /// <summary>
    /// Makes the next save also check that <paramref name="aggregate"/> is unchanged since it was read (its version is
    /// renewed with the others'): a change that depends on the aggregate's state, such as charging an invoice still
    /// owed, commits only while that state holds, and otherwise fails as a concurrency conflict.
    /// </summary>
    public static void RequireUnchanged(this DbContext db, IConcurrencyVersioned aggregate) =>
        db.Entry(aggregate).Property(nameof(IConcurrencyVersioned.Version)).IsModified = true;
}
