using Microsoft.EntityFrameworkCore;

namespace RelanceBot.Persistence;

/// <summary>The SQLite flavour; owns the migrations in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteRelanceBotDbContext(DbContextOptions<SqliteRelanceBotDbContext> options)
    : RelanceBotDbContext(options)
{
    /// <summary>
    /// SQLite allows one writer at a time; a second one gets SQLITE_BUSY, which Microsoft.Data.Sqlite answers by
    /// sleeping and retrying (tens of milliseconds). Queuing this process's writers in memory instead keeps each save
    /// as fast as the write itself.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var gate = SqliteWriteGate.For(Database.GetConnectionString());
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
}
