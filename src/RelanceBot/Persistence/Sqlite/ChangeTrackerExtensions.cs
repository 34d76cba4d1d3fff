using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace RelanceBot.Persistence.Sqlite;

public static class ChangeTrackerExtensions
{
    /// <summary>
    /// The tracked entries of <typeparamref name="TEntity"/> as last detected, for a caller that has just run
    /// <see cref="ChangeTracker.DetectChanges"/>. <see cref="ChangeTracker.Entries{TEntity}"/> alone detects changes again
    /// on every call (every property of every tracked entity), which save interceptors did several times per save.
    /// </summary>
    public static List<EntityEntry<TEntity>> EntriesAsDetected<TEntity>(this ChangeTracker changeTracker)
        where TEntity : class
    {
        var autoDetect = changeTracker.AutoDetectChangesEnabled;
        changeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. changeTracker.Entries<TEntity>()];
        }
        finally
        {
            changeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }
}
