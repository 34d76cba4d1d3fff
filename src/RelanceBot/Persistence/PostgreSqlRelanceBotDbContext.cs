using Microsoft.EntityFrameworkCore;
using RelanceBot.ScaleOut;

namespace RelanceBot.Persistence;

/// <summary>
/// The PostgreSQL flavour; owns the migrations in <c>Persistence/Migrations/PostgreSql</c> and the tables that several
/// instances share (<see cref="ScaleOutModel"/>).
/// </summary>
public sealed class PostgreSqlRelanceBotDbContext(DbContextOptions<PostgreSqlRelanceBotDbContext> options)
    : RelanceBotDbContext(options)
{
    public override bool SharedByInstances => true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ScaleOutModel.Configure(modelBuilder);
    }
}
