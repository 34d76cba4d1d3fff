using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;

namespace RelanceBot.Auditing;

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every added, modified or deleted <see cref="IAuditable"/> entity to the
/// same SaveChanges, so the log and the change commit or fail together. Refuses to update or delete audit entries.
/// The actor is the one of the scope using the context (<see cref="RelanceBotDbContext.AuditActor"/>).
/// </summary>
internal sealed class AuditInterceptor(TimeProvider timeProvider) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AppendAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AppendAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AppendAuditEntries(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        RefuseAuditLogChanges(context);

        var actor = ((RelanceBotDbContext)context).AuditActor.Name;
        var now = timeProvider.GetUtcNow();
        var entries = context.ChangeTracker.EntriesAsDetected<IAuditable>()
            .Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(entry => entry.Entity.IsAudited)
            .Select(entry => ToAuditEntry(entry, actor, now))
            .OfType<AuditEntry>()
            .ToList();
        context.AddRange(entries);
    }

    private static void RefuseAuditLogChanges(DbContext context)
    {
        if (context.ChangeTracker.EntriesAsDetected<AuditEntry>().Any(entry => entry.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: audit entries cannot be updated or deleted.");
        }
    }

    private static AuditEntry? ToAuditEntry(EntityEntry<IAuditable> entry, string actor, DateTimeOffset now)
    {
        var (action, changes) = entry.State switch
        {
            EntityState.Added => (AuditAction.Created, Describe(entry, includeOld: false, includeNew: true)),
            EntityState.Deleted => (AuditAction.Deleted, Describe(entry, includeOld: true, includeNew: false)),
            _ => (AuditAction.Updated, Describe(entry, includeOld: true, includeNew: true)),
        };

        // A modification that only touched [NotAudited] properties (e.g. LastSeenAt) carries nothing to report.
        if (action == AuditAction.Updated && changes.Count == 0)
        {
            return null;
        }

        return AuditEntry.Record(
            now,
            entry.Entity.AuditPracticeId,
            entry.Metadata.ClrType.Name,
            entry.Entity.Id.ToString(),
            action,
            actor,
            AuditDescription.Serialize(changes));
    }

    private static Dictionary<string, AuditedChange> Describe(EntityEntry entry, bool includeOld, bool includeNew) =>
        entry.Properties
            .Where(property => AuditDescription.IsAudited(property.Metadata))
            .Where(property => entry.State != EntityState.Modified || property.IsModified)
            .ToDictionary(
                property => property.Metadata.Name,
                property => new AuditedChange(
                    includeOld ? property.OriginalValue : null,
                    includeNew ? property.CurrentValue : null));
}
