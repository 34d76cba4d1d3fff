using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Auditing;
using RelanceBot.DispatchBenchmark;
using RelanceBot.BotFramework;
using RelanceBot.BotFramework.Connector;
using Activity = RelanceBot.BotFramework.Schema.Activity;
using ActivityTypes = RelanceBot.BotFramework.Schema.ActivityTypes;
using RelanceBot.Conversations;
using RelanceBot.Delivery;
using RelanceBot.Outbox;
using RelanceBot.Persistence;
using RelanceBot.Practices;

// Usage: dotnet run -c Release --project benchmarks/RelanceBot.DispatchBenchmark -- [baseline] [messages] [parallel sends] [batch size] [batches in flight]
var baseline = args.FirstOrDefault() == "baseline";
args = baseline ? args[1..] : args;
var messageCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var parallelSends = args.Length > 1 ? args[1] : "16";
var batchSize = args.Length > 2 ? args[2] : "200";
var batchesInFlight = args.Length > 3 ? args[3] : "2";

var directory = Directory.CreateTempSubdirectory("relancebot-bench-").FullName;
await using var sink = await ConnectorSink.StartAsync(messageCount);

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Sqlite",
    ["ConnectionStrings:RelanceBot"] = $"Data Source={Path.Combine(directory, "bench.db")}",
    ["BotFramework:AllowAnonymous"] = "true",
    ["Outbox:DispatcherEnabled"] = "false",
    ["Outbox:MaxParallelSends"] = parallelSends,
    ["Outbox:BatchSize"] = batchSize,
    ["Outbox:BatchesInFlight"] = batchesInFlight,
});
builder.AddPersistence();
builder.Services.AddAuditing();
builder.Services.AddBotFramework();
builder.Services.AddAlerts();
builder.Services.AddOutbox();
builder.Services.AddDelivery();
using var host = builder.Build();
await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

var now = TimeProvider.System.GetUtcNow();
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
    var practice = Practice.Create("Cabinet Benchmark", "Dr Bench", Practice.DefaultTimeZoneId, null, now);
    var conversation = new ConversationReferenceRecord
    {
        Id = Guid.CreateVersion7(now),
        ChannelId = "webchat",
        ConversationId = "bench-conversation",
        ServiceUrl = sink.ServiceUrl,
        ReferenceJson = JsonSerializer.Serialize(new
        {
            channelId = "webchat",
            serviceUrl = sink.ServiceUrl,
            conversation = new { id = "bench-conversation" },
            bot = new { id = "bot" },
            user = new { id = "user" },
        }),
        FirstSeenAt = now,
        LastSeenAt = now,
    };
    db.AddRange(practice, conversation);
    for (var index = 0; index < messageCount; index++)
    {
        db.OutboxMessages.Add(OutboxMessage.Create(
            new OutgoingMessage(
                $"bench:{index}", practice.Id, OutboxPurpose.Reminder, DeliveryTarget.Conversation(conversation.Id),
                new OutboxContent($"Rappel n°{index}") { Actions = [new OutboxAction("Payer", "pay")] }),
            now));
    }

    await db.SaveChangesAsync();
}

if (baseline)
{
    // The same sends straight through the Connector client, no outbox: the floor the dispatcher adds to.
    var connector = host.Services.GetRequiredService<IConnectorClient>();
    var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    var elapsed = Stopwatch.StartNew();
    await Parallel.ForEachAsync(
        Enumerable.Range(0, messageCount),
        new ParallelOptions { MaxDegreeOfParallelism = int.Parse(parallelSends, CultureInfo.InvariantCulture) },
        async (index, cancellationToken) => await connector.SendToConversationAsync(
            sink.ServiceUrl, "bench-conversation", new Activity { Type = ActivityTypes.Message, Text = $"Rappel n°{index}" }, cancellationToken));
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart) / messageCount;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"baseline: {messageCount} sends in {elapsed.Elapsed.TotalSeconds:F2} s: {messageCount / elapsed.Elapsed.TotalSeconds:F0} sends/s; "
        + $"CPU {cpu.TotalMicroseconds:F0} µs/send"));
    return 0;
}

var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var stopwatch = Stopwatch.StartNew();
var claimed = await dispatcher.DispatchDueAsync(CancellationToken.None);
stopwatch.Stop();
// CPU per message (dispatcher and sink together) does not depend on what else the machine is doing.
var cpuPerMessage = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / claimed;

Dictionary<OutboxStatus, int> statuses;
await using (var scope = host.Services.CreateAsyncScope())
{
    statuses = await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().OutboxMessages
        .GroupBy(message => message.Status)
        .ToDictionaryAsync(group => group.Key, group => group.Count());
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{claimed} messages claimed, {sink.Received} received by the sink in {stopwatch.Elapsed.TotalSeconds:F2} s: "
    + $"{claimed / stopwatch.Elapsed.TotalSeconds:F0} messages/s (parallel sends {parallelSends}, batch {batchSize}, "
    + $"batches in flight {batchesInFlight}); CPU {cpuPerMessage.TotalMicroseconds:F0} µs/message "
    + $"(at most {Environment.ProcessorCount / cpuPerMessage.TotalSeconds:F0} messages/s on {Environment.ProcessorCount} cores); statuses: {string.Join(", ", statuses.Select(pair => $"{pair.Key} {pair.Value}"))}"));

SqliteConnection.ClearAllPools();
Directory.Delete(directory, recursive: true);
return sink.Received == messageCount ? 0 : 1;
