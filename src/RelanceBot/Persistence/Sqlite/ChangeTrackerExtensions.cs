using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// The tracked <typeparamref name="TEntity"/> with this primary key, or null. <c>DbSet.Local</c> would detect the
    /// changes of every tracked entity first, for a lookup by key that does not need it.
    /// </summary>
    public static TEntity? FindTracked<TEntity, TKey>(this DbContext context, TKey key)
        where TEntity : class
    {
        var autoDetect = context.ChangeTracker.AutoDetectChangesEnabled;
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return context.Set<TEntity>().Local.FindEntry(key)?.Entity;
        }
        finally
        {
            context.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }
}
