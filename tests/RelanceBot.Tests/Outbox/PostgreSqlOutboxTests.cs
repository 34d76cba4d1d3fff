using RelanceBot.Tests.Outbox.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Outbox;

/// <summary>The claim is one portable UPDATE; PostgreSQL runs concurrent claims truly in parallel, unlike SQLite.</summary>
public sealed class PostgreSqlOutboxTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [Fact]
    public async Task Dispatch_TwoDispatchersRacingOnPostgreSql_SendEachMessageOnce()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var bed = await OutboxTestBed.StartAsync(factory: RelanceBotFactory.OnPostgreSql(connectionString));

        await OutboxDispatcherTests.TwoDispatchersRaceAsync(bed);
    }
}
