using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
    /// as fast as the write itself.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_holdsWriteGate)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var gate = WriteGate;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
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
}
