using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Persistence;

public sealed class SqliteMigrationTests
{
    [Fact]
    public async Task Startup_OnAnEmptyFile_AppliesEveryMigration()
    {
        await using var factory = new RelanceBotFactory();
        File.WriteAllBytes(factory.Database.FilePath, []);

        factory.StartServer();

        await using var connection = factory.Database.Open();
        var applied = await QueryStringsAsync(connection, "SELECT MigrationId FROM __EFMigrationsHistory");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            applied.ShouldBe(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Database.GetMigrations());
        }

        applied[0].ShouldEndWith("_InitialCreate");
        var tables = await QueryStringsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
        new[]
        {
            "Practices", "Staff", "PracticeApiKeys", "Patients", "PatientChannels", "Invoices",
            "ConversationReferences", "ConversationLinkTokens", "AuditEntries", "StaffAlerts", "OutboxMessages",
            "ConversationStates",
            "TeamsLinkCodes",
        }.ShouldBeSubsetOf(tables);
    }

    [Fact]
    public async Task Startup_WithMigrateOnStartupOff_LeavesTheDatabaseAlone()
    {
        using var database = new TestDatabase();
        await using var app = RelanceBotFactory.On(database);
        await using var factory = app.WithWebHostBuilder(builder => builder.UseSetting("Database:MigrateOnStartup", "false"));

        _ = factory.Services;

        File.Exists(database.FilePath).ShouldBeFalse();
    }

    [Fact]
    public async Task Startup_OnAnUpToDateFile_KeepsItsData()
    {
        using var database = new TestDatabase();
        Guid practiceId;
        await using (var first = RelanceBotFactory.On(database))
        {
            practiceId = (await TestPractice.CreateAsync(first)).Id;
        }

        await using var second = RelanceBotFactory.On(database);
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();

        (await db.Practices.SingleAsync()).Id.ShouldBe(practiceId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Migrations_MatchTheModel(DatabaseProvider provider)
    {
        // Both migration sets must follow every model change: this fails when a migration was forgotten.
        using DbContext context = provider == DatabaseProvider.Sqlite
            ? new SqliteDesignTimeDbContextFactory().CreateDbContext([])
            : new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);

        context.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    private static async Task<List<string>> QueryStringsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
