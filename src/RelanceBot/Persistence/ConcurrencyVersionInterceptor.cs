using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RelanceBot.Persistence.Sqlite;

namespace RelanceBot.Persistence;

/// <summary>Renews <see cref="IConcurrencyVersioned.Version"/> on every modified aggregate.</summary>
internal sealed class ConcurrencyVersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RenewVersions(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RenewVersions(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void RenewVersions(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.EntriesAsDetected<IConcurrencyVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Property(nameof(IConcurrencyVersioned.Version)).CurrentValue = Guid.NewGuid();
            }
        }
    }
}
