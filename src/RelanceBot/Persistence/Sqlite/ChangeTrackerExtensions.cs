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
        => WithoutDetecting(changeTracker, () => changeTracker.Entries<TEntity>().ToList());

    /// <summary>
    /// The tracked <typeparamref name="TEntity"/> with this primary key, or null. <c>DbSet.Local</c> would detect the
    /// changes of every tracked entity first, for a lookup by key that does not need it.
    /// </summary>
    public static TEntity? FindTracked<TEntity, TKey>(this DbContext context, TKey key)
        where TEntity : class
        => WithoutDetecting(context.ChangeTracker, () => context.Set<TEntity>().Local.FindEntry(key)?.Entity);

    /// <summary>Suspends automatic change detection until disposed, then puts back what was set.</summary>
    public static DetectionSuspended SuspendDetection(this ChangeTracker changeTracker) => new(changeTracker);

    private static T WithoutDetecting<T>(ChangeTracker changeTracker, Func<T> read)
    {
        using (changeTracker.SuspendDetection())
        {
            return read();
        }
    }
}

/// <summary>Automatic change detection held off (<see cref="ChangeTrackerExtensions.SuspendDetection"/>).</summary>
public readonly struct DetectionSuspended : IDisposable
{
    private readonly ChangeTracker _changeTracker;
    private readonly bool _autoDetect;

    internal DetectionSuspended(ChangeTracker changeTracker)
    {
        _changeTracker = changeTracker;
        _autoDetect = changeTracker.AutoDetectChangesEnabled;
        changeTracker.AutoDetectChangesEnabled = false;
    }

    public void Dispose() => _changeTracker.AutoDetectChangesEnabled = _autoDetect;
}
