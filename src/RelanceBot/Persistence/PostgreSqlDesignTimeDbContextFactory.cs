using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RelanceBot.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgreSqlRelanceBotDbContext</c> work without starting the app or
/// reaching a server (generating migrations never connects).
/// </summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlRelanceBotDbContext>
{
    public PostgreSqlRelanceBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlRelanceBotDbContext>()
            .UseNpgsql("Host=localhost;Database=relancebot")
            .Options);
}
