using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RelanceBot.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteRelanceBotDbContext</c> work without starting the app.</summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteRelanceBotDbContext>
{
    public SqliteRelanceBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRelanceBotDbContext>()
            .UseSqlite(DatabaseOptions.DefaultConnectionString)
            .Options);
}
