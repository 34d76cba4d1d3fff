using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>
/// The unsaved changes of one context, taken out of it to be saved by another: a unit of work prepared on one
/// connection (reads, in parallel with others) and written on the single writer's connection.
/// </summary>
public sealed class PendingChanges
{
    private readonly List<Change> _changes;

    private PendingChanges(List<Change> changes) => _changes = changes;

    public bool IsEmpty => _changes.Count == 0;

    /// <summary>Detects and takes <paramref name="source"/>'s changes; it tracks nothing afterwards.</summary>
    public static PendingChanges TakeFrom(DbContext source)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.ChangeTracker.DetectChanges();
        var changes = new List<Change>();
        foreach (var entry in source.ChangeTracker.EntriesAsDetected<object>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                // Original values and modified flags travel too: the audit and concurrency checks of the context that
                // saves them see exactly what this one would have.
                changes.Add(new Change(
                    entry.Entity,
                    entry.State,
                    entry.State == EntityState.Added ? null : entry.OriginalValues.Clone(),
                    [.. entry.Properties.Where(property => property.IsModified).Select(property => property.Metadata.Name)]));
            }
        }

        source.ChangeTracker.Clear();
        return new PendingChanges(changes);
    }

    /// <summary>Tracks the changes in <paramref name="target"/>, to be saved with its next SaveChanges.</summary>
    public void AttachTo(DbContext target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var change in _changes)
        {
            var entry = target.Entry(change.Entity);
            if (change.State == EntityState.Added)
            {
                entry.State = EntityState.Added;
                continue;
            }

            entry.State = EntityState.Unchanged;
            entry.OriginalValues.SetValues(change.OriginalValues!);
            foreach (var property in change.ModifiedProperties)
            {
                entry.Property(property).IsModified = true;
            }

            if (change.State == EntityState.Deleted)
            {
                entry.State = EntityState.Deleted;
            }
        }
    }

    private sealed record Change(object Entity, EntityState State, PropertyValues? OriginalValues, string[] ModifiedProperties);
}
