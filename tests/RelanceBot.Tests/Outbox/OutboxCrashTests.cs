using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Conversations;
using RelanceBot.Outbox;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Tests.Outbox.TestInfrastructure;
using RelanceBot.Tests.TestHost;
using Xunit.Abstractions;

namespace RelanceBot.Tests.Outbox;

public sealed class OutboxCrashTests(ITestOutputHelper output)
{
    private const int MessageCount = 2000;

    [Fact]
    public async Task App_KilledWhileDispatching_DeliversEverythingAfterARestartWithNoMoreDuplicatesThanMessagesInFlight()
    {
        using var database = new TestDatabase();
        await using var connector = await CountingConnector.StartAsync();
        await EnqueueRemindersAsync(database, connector.ServiceUrl);
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:RelanceBot"] = database.ConnectionString,
            ["BotFramework:AllowAnonymous"] = "true",
            // Runs as Production with no Stripe key: the local demo checkout stands in, as in the README's demo.
            ["Payments:Stripe:AllowDemoCheckout"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            // Short enough for the test to wait the lease out after the crash.
            ["Outbox:LeaseDuration"] = "00:00:03",
            ["Outbox:SendTimeout"] = "00:00:02",
            ["Outbox:PollInterval"] = "00:00:00.200",
        };

        using (var crashing = AppProcess.Start(settings))
        {
            await WaitAsync(connector.WaitForDistinctAsync(MessageCount / 4, TimeSpan.FromSeconds(60)), crashing);
            await crashing.KillAsync();
        }

        var deliveredBeforeKill = connector.Distinct;
        var atKill = await StatusCountsAsync(database);
        var inFlightAtKill = atKill.GetValueOrDefault(OutboxStatus.Sending);

        using (var restarted = AppProcess.Start(settings))
        {
            await WaitAsync(connector.WaitForDistinctAsync(MessageCount, TimeSpan.FromSeconds(90)), restarted);
            await restarted.StopAsync(TimeSpan.FromSeconds(30));
        }

        var atEnd = await StatusCountsAsync(database);
        var report = $"{MessageCount} reminders; killed after {deliveredBeforeKill} distinct deliveries with {inFlightAtKill} "
            + $"in flight (Sending) and {atKill.GetValueOrDefault(OutboxStatus.Sent)} recorded as Sent; after the restart: "
            + $"{connector.Distinct} distinct delivered, {connector.Total} deliveries, {connector.Duplicates} duplicates, "
            + $"{atEnd.GetValueOrDefault(OutboxStatus.Sent)} recorded as Sent";
        output.WriteLine(report);

        deliveredBeforeKill.ShouldBeLessThan(MessageCount, "the kill must land in the middle of dispatching");
        connector.Distinct.ShouldBe(MessageCount);
        connector.Duplicates.ShouldBeLessThanOrEqualTo(inFlightAtKill);
        atEnd.ShouldBe(new Dictionary<OutboxStatus, int> { [OutboxStatus.Sent] = MessageCount });
    }

    private static async Task EnqueueRemindersAsync(TestDatabase database, string serviceUrl)
    {
        await using var app = RelanceBotFactory.On(database)
            .WithWebHostBuilder(builder => builder.UseSetting("Outbox:DispatcherEnabled", "false"));
        await using var scope = app.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AddPractice>()
            .HandleAsync("Cabinet Dupont", "Dr Dupont", null, null, null, null, null, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var now = RelanceBotFactory.Start;
        var conversation = new ConversationReferenceRecord
        {
            Id = Guid.CreateVersion7(now),
            ChannelId = "msteams",
            ConversationId = "a:crash-test",
            ServiceUrl = serviceUrl,
            ReferenceJson = JsonSerializer.Serialize(new
            {
                channelId = "msteams",
                serviceUrl,
                conversation = new { id = "a:crash-test" },
                bot = new { id = "28:bot" },
                user = new { id = "29:user" },
            }),
            FirstSeenAt = now,
            LastSeenAt = now,
        };
        db.ConversationReferences.Add(conversation);
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        for (var index = 0; index < MessageCount; index++)
        {
            await outbox.EnqueueAsync(
                new OutgoingMessage(
                    $"reminder:crash:{index}", added.Practice!.Id, OutboxPurpose.Reminder,
                    DeliveryTarget.Conversation(conversation.Id), new OutboxContent($"Rappel n°{index}")),
                CancellationToken.None);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<Dictionary<OutboxStatus, int>> StatusCountsAsync(TestDatabase database)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, COUNT(*) FROM OutboxMessages GROUP BY Status";
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<OutboxStatus, int>();
        while (await reader.ReadAsync())
        {
            counts[Enum.Parse<OutboxStatus>(reader.GetString(0))] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>Waits, and on a timeout shows what the app wrote: a crash at startup is otherwise invisible.</summary>
    private static async Task WaitAsync(Task condition, AppProcess app)
    {
        try
        {
            await condition;
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message} The app wrote:\n{app.Output}", exception);
        }
    }
}
