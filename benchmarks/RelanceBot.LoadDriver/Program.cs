using System.Globalization;
using System.Net.Http.Json;
using RelanceBot.LoadDriver;

// Drives RelanceBot (Release) and the reference bot on the official JavaScript Bot Builder SDK with the same turns:
// N workers, deliveryMode expectReplies, in two scenarios — every turn a new conversation (first contact), and dialog
// cycles in open conversations. Runs are interleaved (run 1: RelanceBot then JS, run 2: JS then RelanceBot, …), each
// on a freshly started bot; prints every run, then the medians and RelanceBot's ratio to the JS SDK.
var coldStart = args.FirstOrDefault() == "coldstart";
var options = DriverOptions.Parse(coldStart ? args[1..] : args);
if (options.Bots.Contains("relancebot") && !File.Exists(options.AppPath))
{
    Console.Error.WriteLine($"{options.AppPath} not found: run `dotnet build -c Release src/RelanceBot` first, or pass --app.");
    return 2;
}

if (options.Bots.Contains("js") && !Directory.Exists(Path.Combine(options.JsBotDirectory, "node_modules")))
{
    Console.Error.WriteLine($"Run `npm ci --ignore-scripts` in {options.JsBotDirectory} first, or pass --js-bot.");
    return 2;
}

if (coldStart)
{
    return await ColdStart.RunAsync(options, options.Runs, options.Idle);
}

var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant,
    $"{options.Concurrency} in flight, channel {options.Channel}, RelanceBot on {options.Database}, {options.Duration.TotalSeconds:0} s measured after {options.Warmup.TotalSeconds:0} s warm-up, {options.Runs} interleaved runs"));
var results = new List<Measurement>();
for (var run = 0; run < options.Runs; run++)
{
    foreach (var scenario in options.Scenarios)
    {
        var order = run % 2 == 0 ? options.Bots : options.Bots.Reverse().ToList();
        foreach (var bot in order)
        {
            var result = await MeasureAsync(bot, scenario, options);
            results.Add(result);
            Console.WriteLine($"run {run + 1}  {result}");
        }
    }
}

Console.WriteLine();
Console.WriteLine("medians:");
foreach (var scenario in options.Scenarios)
{
    var byBot = results.Where(result => result.Scenario == scenario).GroupBy(result => result.Bot)
        .ToDictionary(group => group.Key, group => (TurnsPerSecond: Median(group.Select(r => r.TurnsPerSecond)), P50: Median(group.Select(r => r.P50)),
            P95: Median(group.Select(r => r.P95)), P99: Median(group.Select(r => r.P99)), Cpu: Median(group.Select(r => r.BotCpuPerTurnMs))));
    foreach (var (bot, median) in byBot)
    {
        Console.WriteLine(string.Create(invariant,
            $"{bot,-10} {scenario.Name(),-13} {median.TurnsPerSecond,6:0} turns/s  p50 {median.P50:0.00}  p95 {median.P95:0.00}  p99 {median.P99:0.00} ms  bot cpu/turn {median.Cpu:0.000} ms"));
    }

    if (byBot.TryGetValue("RelanceBot", out var ours) && byBot.TryGetValue("JS SDK", out var theirs))
    {
        Console.WriteLine(string.Create(invariant,
            $"ratio      {scenario.Name(),-13} {ours.TurnsPerSecond / theirs.TurnsPerSecond:0.00}× the JS SDK's turns/s, p99 {ours.P99:0.00} vs {theirs.P99:0.00} ms, bot cpu/turn {ours.Cpu:0.000} vs {theirs.Cpu:0.000} ms"));
    }
}

return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static async Task<Measurement> MeasureAsync(string bot, Scenario scenario, DriverOptions options)
{
    if (bot == "js")
    {
        await using var js = await BotProcess.StartJsBotAsync(options.JsBotDirectory);
        using var jsClient = Client(js, options);
        return await Measurement.RunAsync(js, scenario, await WorkersAsync(jsClient, scenario, practiceId: null, options), options);
    }

    var directory = Directory.CreateTempSubdirectory("relancebot-bench-").FullName;
    var database = options.Database == "postgresql"
        ? new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__RelanceBot"] = $"{options.PostgresConnectionString ?? throw new ArgumentException("--database postgresql needs --postgres \"Host=…;Port=…;Username=…\"")};Database=bench_{Guid.NewGuid():N}",
        }
        : new Dictionary<string, string> { ["ConnectionStrings__RelanceBot"] = $"Data Source={Path.Combine(directory, "bench.db")}" };
    try
    {
        var (practiceId, apiKey) = await BotProcess.AddPracticeAsync(options.AppPath, database);
        await using var app = await BotProcess.StartRelanceBotAsync(options.AppPath, database);
        using var client = Client(app, options);
        if (scenario == Scenario.Dialogs)
        {
            await SeedAsync(client, apiKey, options.Concurrency);
        }

        return await Measurement.RunAsync(app, scenario, await WorkersAsync(client, scenario, practiceId, options), options);
    }
    finally
    {
        Directory.Delete(directory, recursive: true);
    }
}

static HttpClient Client(BotProcess bot, DriverOptions options)
    => new(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2, UseProxy = false }) { BaseAddress = bot.BaseAddress };

static async Task<IReadOnlyList<ITurns>> WorkersAsync(HttpClient client, Scenario scenario, Guid? practiceId, DriverOptions options)
{
    if (scenario == Scenario.FirstContact)
    {
        return [.. Enumerable.Range(0, options.Concurrency).Select(i => new FirstContacts(client, i))];
    }

    var conversations = Enumerable.Range(0, options.Concurrency)
        .Select(i => options.Channel == "directline" && practiceId is not null
            ? (BenchConversation)new DirectLineBenchConversation(client, BotProcess.DirectLineSecret, i)
            : new ExpectRepliesConversation(client, $"bench-{i}-{Guid.NewGuid():N}"))
        .ToList();
    await Task.WhenAll(conversations.Select((conversation, i) => conversation.OpenAsync(i, practiceId, CancellationToken.None)));
    return conversations;
}

static async Task SeedAsync(HttpClient client, string apiKey, int patients)
{
    for (var i = 0; i < patients; i++)
    {
        var patient = new { firstName = "Jeanne", lastName = BenchConversation.LastName(i), dateOfBirth = "1980-02-03", language = "fr" };
        var invoice = new { patientReference = $"B-{i}", amountDueCents = 12345 + i, amountPaidCents = 0, issueDate = "2026-01-05", dueDate = "2026-02-05" };
        await PutAsync(client, apiKey, $"/api/v1/patients/B-{i}", patient);
        await PutAsync(client, apiKey, $"/api/v1/invoices/F-{i}", invoice);
    }
}

static async Task PutAsync(HttpClient client, string apiKey, string path, object body)
{
    using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
    request.Headers.Add("X-Api-Key", apiKey);
    using var response = await client.SendAsync(request);
    response.EnsureSuccessStatusCode();
}
