using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RelanceBot.Alerts;
using RelanceBot.Cli;
using RelanceBot.Conversations;
using RelanceBot.Persistence;
using RelanceBot.Tests.Conversations;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Persistence;

/// <summary><c>copy-to-postgresql</c>: a SQLite file the app wrote, copied into a real PostgreSQL database the app then runs on.</summary>
public sealed class CopyToPostgreSqlTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [Fact]
    public async Task Copy_MovesEveryRow_AndTheAppOnPostgreSqlGoesOnWhereSqliteLeftOff()
    {
        using var database = new TestDatabase();
        var target = await server.CreateDatabaseAsync();
        PatientChat chat;
        PatientScenario scenario;
        TestPractice practice;
        string dialogStack;
        SortedDictionary<string, long> before;
        await using (var onSqlite = RelanceBotFactory.On(database))
        {
            scenario = await PatientScenario.CreateAsync(onSqlite, invoices: [("F-1", 12345L), ("F-2", 5000L)]);
            practice = scenario.Practice;
            chat = new PatientChat(onSqlite);
            await chat.SayAsync(scenario.LinkToken);
            (await chat.SayAsync("je voudrais payer en plusieurs fois")).ShouldContain("En combien de fois");
            // The practice names a conversation as its Teams channel, which names a patient of the practice: a cycle.
            var referenceId = await chat.ReferenceIdAsync();
            dialogStack = await PatientScenario.QueryAsync(onSqlite, db => db.ConversationStates
                .Where(state => state.ConversationReferenceId == referenceId).Select(state => state.DialogStackJson).SingleAsync());
            await PatientScenario.QueryAsync(onSqlite, async db =>
            {
                (await db.Practices.SingleAsync(candidate => candidate.Id == practice.Id)).UseTeamsAlertChannel(referenceId);
                // An alert over both invoices: its list is a JSON array on SQLite, a uuid[] on PostgreSQL.
                db.StaffAlerts.Add(StaffAlert.Raise(new NewStaffAlert(
                    practice.Id, StaffAlertKind.AlreadyPaidClaim, "Le patient indique avoir réglé 173,45 € (2 factures).", scenario.PatientId,
                    InvoiceIds: await db.Invoices.OrderBy(i => i.ExternalReference).Select(i => i.Id).ToListAsync()), RelanceBotFactory.Start));
                return await db.SaveChangesAsync();
            });

            var (exitCode, output, error) = await RunAsync(onSqlite, "copy-to-postgresql", "--to", target);

            error.ShouldBeEmpty();
            exitCode.ShouldBe(0);
            output.ShouldContain("every table's row count matches");
            output.ShouldNotContain("Password", Case.Insensitive);
            before = await RowCountsAsync(database);
        }

        // Every SQLite table copied whole; PostgreSQL's own tables (the instances' shared state) start empty.
        var after = await RowCountsAsync(target);
        after.Where(table => before.ContainsKey(table.Key)).ShouldBe(before);
        after.Where(table => !before.ContainsKey(table.Key)).ShouldAllBe(table => table.Value == 0);
        before["Invoices"].ShouldBe(2);
        before["ConversationStates"].ShouldBe(1);
        before["AuditEntries"].ShouldBeGreaterThan(5);

        await using var onPostgreSql = RelanceBotFactory.OnPostgreSql(target);
        using var api = onPostgreSql.CreateApiClient(practice.ApiKey);
        var invoice = await (await api.GetAsync("/api/v1/invoices/F-1")).ReadJsonAsync();
        invoice["amountDueCents"]!.GetValue<long>().ShouldBe(12345);
        invoice["createdAt"]!.GetValue<DateTimeOffset>().ShouldBe(RelanceBotFactory.Start);
        var patient = await api.GetAsync("/api/v1/patients/P-1");
        patient.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await patient.ReadJsonAsync())["lastName"]!.GetValue<string>().ShouldBe("Martin");
        (await PatientScenario.QueryAsync(onPostgreSql, db => db.Practices.SingleAsync(candidate => candidate.Id == practice.Id)))
            .TeamsAlertChannelReferenceId.ShouldNotBeNull();
        (await PatientScenario.QueryAsync(onPostgreSql, db => db.StaffAlerts.SingleAsync(alert => alert.Kind == StaffAlertKind.AlreadyPaidClaim)))
            .InvoiceIds.ShouldBe(await PatientScenario.QueryAsync(onPostgreSql, db => db.Invoices.OrderBy(i => i.ExternalReference).Select(i => i.Id).ToListAsync()));

        // The conversation begun on SQLite is there, tied to its patient, its dialog where it was, and goes on: its next
        // turn runs the conversation's compiled queries on PostgreSQL after they ran on SQLite in this process.
        var conversation = await PatientScenario.QueryAsync(onPostgreSql, db => db.ConversationReferences.AsNoTracking()
            .SingleAsync(reference => reference.ConversationId == chat.ConversationId));
        conversation.PatientId.ShouldBe(scenario.PatientId);
        (await PatientScenario.QueryAsync(onPostgreSql, db => db.ConversationStates.AsNoTracking()
            .Where(state => state.ConversationReferenceId == conversation.Id).Select(state => state.DialogStackJson).SingleAsync()))
            .ShouldBe(dialogStack);
        (await new PatientChat(onPostgreSql, conversationId: chat.ConversationId).SayAsync("3")).ShouldContain("Voici l'échéancier en 3 fois");

        // New rows append to the copied audit log: its identity sequence was moved past the copied ids.
        (await api.PutJsonAsync("/api/v1/invoices/F-3", Requests.Invoice(amountDueCents: 700))).EnsureSuccessStatusCode();
        (await PatientScenario.QueryAsync(onPostgreSql, db => db.AuditEntries.CountAsync())).ShouldBeGreaterThan((int)before["AuditEntries"]);
    }

    [Fact]
    public async Task Copy_IntoADatabaseThatHoldsData_IsRefusedAndChangesNothing()
    {
        var target = await server.CreateDatabaseAsync();
        await using (var onPostgreSql = RelanceBotFactory.OnPostgreSql(target))
        {
            await TestPractice.CreateAsync(onPostgreSql, "Cabinet déjà là");
        }

        var existing = await RowCountsAsync(target);
        await using var onSqlite = new RelanceBotFactory();
        await TestPractice.CreateAsync(onSqlite);

        var (exitCode, output, error) = await RunAsync(onSqlite, "copy-to-postgresql", "--to", target);

        exitCode.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("not empty");
        (await RowCountsAsync(target)).ShouldBe(existing);
    }

    [Theory]
    [InlineData("Data Source=relancebot.db")]
    [InlineData("Host=127.0.0.1;Port=1;Database=nowhere;Username=postgres;Timeout=2")]
    public async Task Copy_ToSomethingThatIsNotAReachablePostgreSqlDatabase_SaysSoWithoutCrashing(string connectionString)
    {
        await using var onSqlite = new RelanceBotFactory();

        var (exitCode, output, error) = await RunAsync(onSqlite, "copy-to-postgresql", "--to", connectionString);

        exitCode.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldNotBeEmpty();
        error.ShouldNotContain("   at ");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(RelanceBotFactory app, params string[] args)
    {
        app.StartServer();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineInterface.RunAsync(app.Services, args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Every table's row count, read with plain SQL, apart from EF's migration tables.</summary>
    private static async Task<SortedDictionary<string, long>> RowCountsAsync(TestDatabase database)
    {
        await using var connection = database.Open();
        return await CountsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '!_!_EF%' ESCAPE '!'");
    }

    private static async Task<SortedDictionary<string, long>> RowCountsAsync(string postgreSql)
    {
        await using var connection = new NpgsqlConnection(postgreSql);
        await connection.OpenAsync();
        return await CountsAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '!_!_EF%' ESCAPE '!'");
    }

    private static async Task<SortedDictionary<string, long>> CountsAsync(System.Data.Common.DbConnection connection, string listTables)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = listTables;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
