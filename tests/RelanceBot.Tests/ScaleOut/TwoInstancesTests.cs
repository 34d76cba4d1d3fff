using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Delivery;
using RelanceBot.Invoices.Import;
using RelanceBot.Outbox;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Reminders;
using RelanceBot.Scheduling;
using RelanceBot.Teams;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.Outbox;
using RelanceBot.Tests.Teams;
using RelanceBot.Tests.TestHost;
using Shouldly;
using Xunit.Abstractions;

namespace RelanceBot.Tests.ScaleOut;

/// <summary>
/// Two instances of the app (two Kestrel hosts on 127.0.0.1, each with its own process-local state) on one PostgreSQL
/// database, their fake clocks kept in step: what one process's memory used to guarantee now holds across them.
/// </summary>
public sealed class TwoInstancesTests(PostgreSqlServer server, ITestOutputHelper output) : IClassFixture<PostgreSqlServer>, IAsyncLifetime
{
    private readonly RecordingEmail _mail = new();
    private readonly TaskCompletionSource _neverOpened = new();
    private readonly List<string> _pools = [];
    private RelanceBotFactory _first = null!;
    private RelanceBotFactory _second = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        _first = Instance(_connectionString, () => Task.CompletedTask);
        // One after the other: the first migrates the database.
        _first.StartServer();
        _second = Instance(_connectionString, () => Task.CompletedTask);
        _second.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        // Each test has its own database, so its own pool: idle connections left open would add up past the server's
        // max_connections over the class.
        foreach (var pool in _pools)
        {
            await using var connection = new NpgsqlConnection(pool);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    [Fact]
    public async Task ADuplicateActivity_DeliveredToEachInstance_RunsOneTurn()
    {
        var activity = Message($"conv-{Guid.NewGuid():N}", "activity-1", "bonjour");

        var answers = await Task.WhenAll(PostAsync(_first, activity), PostAsync(_second, activity));

        answers.Count(answer => answer.Length > 0).ShouldBe(1, "one instance ran the turn, the other saw a duplicate");
    }

    [Fact]
    public async Task ADuplicateInvoke_OnTheOtherInstance_GetsTheFirstDeliverysResponse()
    {
        var key = new ActivityKey("msteams", $"conv-{Guid.NewGuid():N}", "invoke-1");
        var first = _first.Services.GetRequiredService<IActivityDeduplicator>();
        var second = _second.Services.GetRequiredService<IActivityDeduplicator>();

        (await first.TryBeginAsync(key, default)).IsDuplicate.ShouldBeFalse();
        (await second.TryBeginAsync(key, default)).ShouldBe(new DeduplicationCheck(true, null), "still running on the first");
        await first.CompleteAsync(key, new InvokeResponse(200, new { statusCode = 200, value = "Approuvé" }), default);
        var replay = await second.TryBeginAsync(key, default);

        replay.IsDuplicate.ShouldBeTrue();
        replay.PreviousInvokeResponse!.Status.ShouldBe(200);
        JsonSerializer.Serialize(replay.PreviousInvokeResponse.Body).ShouldBe("""{"statusCode":200,"value":"Approuv\u00E9"}""");

        // Abandoned (the turn failed), the channel's retry runs wherever it lands.
        await second.AbandonAsync(key, default);
        (await first.TryBeginAsync(key, default)).IsDuplicate.ShouldBeFalse();
    }

    [Fact]
    public async Task OneConversation_HitOnBothInstancesAtOnce_RunsEveryTurnWithoutConflict()
    {
        // Each round: a new conversation's first two messages, one per instance, at the same moment. Without a lock
        // across instances both turns record the conversation and one fails on the unique index.
        for (var round = 0; round < 10; round++)
        {
            var conversationId = $"conv-{Guid.NewGuid():N}";
            var answers = await Task.WhenAll(
                PostAsync(_first, Message(conversationId, "a", "bonjour")),
                PostAsync(_second, Message(conversationId, "b", "aide")));

            answers.ShouldAllBe(answer => answer.Length > 0 && !answer.Contains("souci technique"), $"round {round}: {string.Join(" | ", answers)}");
            (await CountAsync(_first, db => db.ConversationReferences.CountAsync(reference => reference.ConversationId == conversationId)))
                .ShouldBe(1);
        }
    }

    [Fact]
    public async Task ATurnKeptWaitingPastTheLockTimeout_AsksToSendAgainAndStoresNothing_ThenTheNextOneRuns()
    {
        await using var impatient = Instance(_connectionString, () => Task.CompletedTask);
        impatient.Settings["Conversations:TurnLockTimeout"] = "00:00:00.300";
        impatient.StartServer();
        var conversationId = $"conv-{Guid.NewGuid():N}";

        // Another instance's turn on the same conversation, still running: it holds the conversation's lock.
        await using (var otherTurn = new NpgsqlConnection(_connectionString))
        {
            await otherTurn.OpenAsync();
            await using var transaction = await otherTurn.BeginTransactionAsync();
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", otherTurn, transaction))
            {
                take.Parameters.AddWithValue($"webchat/{conversationId}");
                await take.ExecuteNonQueryAsync();
            }

            var waited = await PostAsync(impatient, Message(conversationId, "a", "bonjour"));

            waited.ShouldContain("souci technique");
            (await CountAsync(impatient, db => db.ConversationReferences.CountAsync(reference => reference.ConversationId == conversationId)))
                .ShouldBe(0, "a turn that did not get the lock stores nothing");
            await transaction.CommitAsync();
        }

        var answered = await PostAsync(impatient, Message(conversationId, "b", "bonjour"));

        answered.ShouldNotContain("souci technique");
        (await CountAsync(impatient, db => db.ConversationReferences.CountAsync(reference => reference.ConversationId == conversationId)))
            .ShouldBe(1);
    }

    [Fact]
    public async Task TheDailyDigest_ScheduledOnBothInstances_RunsOnceAndIsSentOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        var practice = await TeamsPractice.CreateAsync(_first);
        await practice.LinkAsync(_first, new TeamsStaffChannel(_first, connector));

        var ran = await RunOnBothAsync(DailyDigestJob.Name);

        ran.Count(run => run).ShouldBe(1);
        (await CountAsync(_second, db => db.OutboxMessages.CountAsync(message => message.IdempotencyKey.StartsWith("digest:")))).ShouldBe(1);

        // The next period (a minute later on both clocks) is run again by one of them, and finds nothing due.
        Advance(TimeSpan.FromMinutes(1));
        (await RunOnBothAsync(DailyDigestJob.Name)).Count(run => run).ShouldBe(1);
        (await CountAsync(_second, db => db.OutboxMessages.CountAsync(message => message.IdempotencyKey.StartsWith("digest:")))).ShouldBe(1);
    }

    [Fact]
    public async Task TwoThousandDueReminders_SweptAndDispatchedByBothInstances_AreEachSentOnce()
    {
        const int invoices = 2000;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await SeedDueInvoicesAsync(_first, invoices);
        var seeded = watch.Elapsed;

        (await RunOnBothAsync(SweepRemindersJob.Name)).Count(run => run).ShouldBe(1);
        var swept = watch.Elapsed;
        var claimed = await Task.WhenAll(
            Task.Run(() => _first.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default)),
            Task.Run(() => _second.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default)));

        output.WriteLine($"seeded in {seeded.TotalSeconds:F1} s, swept at {swept.TotalSeconds:F1} s, dispatched at {watch.Elapsed.TotalSeconds:F1} s");
        claimed.Sum().ShouldBe(invoices);
        _mail.Distinct.ShouldBe(invoices);
        _mail.Total.ShouldBe(invoices, "no reminder sent twice");
        (await CountAsync(_second, db => db.ReminderStepRuns.CountAsync(run => run.Outcome == StepOutcome.Sent))).ShouldBe(invoices);
    }

    [Fact]
    public async Task AnInstanceKilledMidDispatch_LeavesItsClaimsToTheOther_AndNothingIsLost()
    {
        const int messages = 300;
        var connectionString = await server.CreateDatabaseAsync();
        // This instance's sends never complete: it dies holding its claims.
        var doomed = Instance(connectionString, () => _neverOpened.Task);
        // Stopped abruptly: its sends are not waited for.
        doomed.TestServices.Add(services => services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMilliseconds(100)));
        doomed.StartServer();
        var survivor = Instance(connectionString, () => Task.CompletedTask);
        survivor.StartServer();
        await SeedDueInvoicesAsync(doomed, messages);
        await doomed.Services.GetRequiredService<ScheduledJobRunner>().RunAsync(SweepRemindersJob.Name, default);

        _ = Task.Run(() => doomed.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default));
        await WaitUntilAsync(() => _mail.Started >= 16, "the doomed instance is sending");
        await doomed.DisposeAsync();
        var leftSending = await CountAsync(survivor, db => db.OutboxMessages.CountAsync(message => message.Status == OutboxStatus.Sending));

        // Within the lease the claims are the dead instance's; once it has passed, the survivor takes them back.
        var beforeTheLeaseEnds = await survivor.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default);
        survivor.Clock.Advance(TimeSpan.FromSeconds(31));
        var takenBack = await survivor.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default);

        takenBack.ShouldBeGreaterThan(0);
        (beforeTheLeaseEnds + takenBack).ShouldBe(messages);
        leftSending.ShouldBeGreaterThan(0);
        _mail.Distinct.ShouldBe(messages, "nothing lost");
        _mail.Total.ShouldBe(messages);
        (await CountAsync(survivor, db => db.OutboxMessages.CountAsync(message => message.Status != OutboxStatus.Sent))).ShouldBe(0);
        await survivor.DisposeAsync();
    }

    private RelanceBotFactory Instance(string connectionString, Func<Task> sendGate)
    {
        // Pooled, as in production: a new server process per connection made seeding 2,000 invoices take two minutes.
        var pooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true }.ConnectionString;
        _pools.Add(pooled);
        var app = RelanceBotFactory.OnPostgreSql(pooled);
        app.Settings["Logging:LogLevel:Default"] = "Warning";
        app.TestServices.Add(services =>
        {
            foreach (var smtp in services.Where(service => service.ImplementationType == typeof(SmtpEmailDelivery)).ToList())
            {
                services.Remove(smtp);
            }

            services.AddScoped<IMessageDelivery>(_ => new RecordingEmailDelivery(_mail, sendGate));
        });
        return app;
    }

    private async Task<bool[]> RunOnBothAsync(string job) => await Task.WhenAll(
        Task.Run(() => _first.Services.GetRequiredService<ScheduledJobRunner>().RunAsync(job, default)),
        Task.Run(() => _second.Services.GetRequiredService<ScheduledJobRunner>().RunAsync(job, default)));

    private void Advance(TimeSpan by)
    {
        _first.Clock.Advance(by);
        _second.Clock.Advance(by);
    }

    private static JsonObject Message(string conversationId, string id, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["text"] = text,
        ["channelId"] = "webchat",
        ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
        ["from"] = new JsonObject { ["id"] = $"user-{conversationId}", ["name"] = "Patient" },
        ["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "RelanceBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["locale"] = "fr-FR",
        ["deliveryMode"] = "expectReplies",
    };

    /// <summary>The turn's replies joined, or "" for a duplicate (answered 200 with no body).</summary>
    private static async Task<string> PostAsync(RelanceBotFactory app, JsonObject activity)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/messages", activity);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0
            ? ""
            : string.Join("\n", JsonNode.Parse(body)!["activities"]!.AsArray().Select(reply => reply!["text"]?.GetValue<string>() ?? ""));
    }

    private static async Task<int> CountAsync(RelanceBotFactory app, Func<RelanceBotDbContext, Task<int>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token).ContinueWith(_ => timeout.Token.ThrowIfCancellationRequested(), TaskScheduler.Default);
        }
    }

    /// <summary>A practice reachable at any hour of a weekday and <paramref name="count"/> patients with an e-mail address, each owing an invoice due three days ago.</summary>
    private static async Task SeedDueInvoicesAsync(RelanceBotFactory app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var now = app.Clock.GetUtcNow();
        var practice = (await services.GetRequiredService<AddPractice>()
            .HandleAsync("Cabinet Dupont", "Dr Dupont", null, null, null, null, null, CancellationToken.None)).Practice!;
        var db = services.GetRequiredService<RelanceBotDbContext>();
        var policy = CadencePolicy.DefaultFor(practice.Id, "Europe/Paris");
        policy.Apply(SweepToSmtpCrashTests.AnyHourOfAWeekday("Europe/Paris"), now);
        db.Add(policy);
        await db.SaveChangesAsync();

        var dueDate = policy.ToCalendar().LocalDate(now).AddDays(-3);
        // Files of 100 rows: one import's cost grows faster than its rows.
        for (var first = 0; first < count; first += 100)
        {
            var csv = new StringBuilder("patient_reference,first_name,last_name,date_of_birth,email,invoice_reference,amount,issue_date,due_date\n");
            for (var index = first; index < Math.Min(first + 100, count); index++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"P-{index},Jeanne,Martin{index},1980-02-03,patient{index}@example.fr,F-{index},45.00,")
                    .Append(CultureInfo.InvariantCulture, $"{dueDate.AddDays(-30):yyyy-MM-dd},{dueDate:yyyy-MM-dd}\n");
            }

            await using var importScope = app.Services.CreateAsyncScope();
            using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
            var report = await importScope.ServiceProvider.GetRequiredService<ImportInvoicesCsv>().HandleAsync(practice.Id, file, CancellationToken.None);
            report.Errors.ShouldBeEmpty();
        }
    }
}
