using System.Net;
using Npgsql;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Persistence;

public sealed class PostgreSqlMigrationTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [Fact]
    public async Task Startup_OnAnEmptyPostgreSqlDatabase_MigratesAndRoundTripsAnInvoice()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var factory = RelanceBotFactory.OnPostgreSql(connectionString);
        var practice = await TestPractice.CreateAsync(factory);
        using var client = factory.CreateApiClient(practice.ApiKey);

        (await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        var created = await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice(amountDueCents: 987654, amountPaidCents: 4));
        var fetched = await client.GetAsync("/api/v1/invoices/F-1");

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var invoice = await fetched.ReadJsonAsync();
        invoice["amountDueCents"]!.GetValue<long>().ShouldBe(987654);
        invoice["amountOutstandingCents"]!.GetValue<long>().ShouldBe(987650);
        invoice["dueDate"]!.GetValue<string>().ShouldBe("2026-03-01");
        invoice["createdAt"]!.GetValue<DateTimeOffset>().ShouldBe(RelanceBotFactory.Start);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var history = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"", connection);
        ((string)(await history.ExecuteScalarAsync())!).ShouldEndWith("_InitialCreate");
    }
}
