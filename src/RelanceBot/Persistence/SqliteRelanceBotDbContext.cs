using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RelanceBot.Persistence.Sqlite;

namespace RelanceBot.Persistence;

/// <summary>The SQLite flavour; owns the migrations in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteRelanceBotDbContext(DbContextOptions<SqliteRelanceBotDbContext> options)
    : RelanceBotDbContext(options)
{
    private bool _holdsWriteGate;

    private SemaphoreSlim WriteGate => SqliteWriteGate.For(Database.GetConnectionString());

    /// <summary>
    /// SQLite allows one writer at a time; a second one gets SQLITE_BUSY, which Microsoft.Data.Sqlite answers by
    /// sleeping and retrying (tens of milliseconds). Queuing this process's writers in memory instead keeps each save
    /// as fast as the write itself. Changes are detected before the queue (<see cref="RelanceBotDbContext.SaveChangesAsync(bool, CancellationToken)"/>),
    /// so the slot is held for the write only.
    /// </summary>
    protected override async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (_holdsWriteGate)
        {
            return await base.SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var gate = WriteGate;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// A sweep touches tens of thousands of pages (random index inserts, lookups in tables of a million rows): with the
    /// usual cache they were evicted and read again, a sixth of a sweep's CPU time at 1,000,000 invoices. The wider
    /// cache is given back afterwards (SQLite frees the pages above the limit), so idle pooled connections stay small.
    /// </summary>
    public override async Task<IAsyncDisposable> WidenPageCacheAsync(CancellationToken cancellationToken)
    {
        await Database.ExecuteSqlRawAsync(SqliteWalInterceptor.WideCacheSize, cancellationToken);
        return new PageCacheRestorer(this);
    }

    /// <summary>Holds the writer slot from begin to end, so the saves inside it do not queue behind it.</summary>
    public override async Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken cancellationToken)
    {
        var gate = WriteGate;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var transaction = await Database.BeginTransactionAsync(cancellationToken);
            _holdsWriteGate = true;
            return new GatedTransaction(transaction, () =>
            {
                _holdsWriteGate = false;
                gate.Release();
            });
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private sealed class PageCacheRestorer(SqliteRelanceBotDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.ExecuteSqlRawAsync(SqliteWalInterceptor.CacheSize);
    }
}
