using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using RelanceBot.LoadDriver;

// Drives the real app (Release) over HTTP: N concurrent conversations, each turn persisting its dialog stack in
// SQLite, through /api/messages (deliveryMode expectReplies) or the built-in Direct Line endpoint (--channel
// directline: post, then read the reply after the watermark). Prints turns/s and latency percentiles of the measured window.
var options = DriverOptions.Parse(args);
if (!File.Exists(options.AppPath))
{
    Console.Error.WriteLine($"{options.AppPath} not found: run `dotnet build -c Release src/RelanceBot` first, or pass --app.");
    return 2;
}

var directory = Directory.CreateTempSubdirectory("relancebot-bench-").FullName;
try
{
    var (practiceId, apiKey) = await AppProcess.AddPracticeAsync(options.AppPath, directory);
    await using var app = await AppProcess.StartAsync(options.AppPath, directory);
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2, UseProxy = false })
    {
        BaseAddress = app.BaseAddress,
    };

    await SeedAsync(client, apiKey, options.Concurrency);
    var conversations = Enumerable.Range(0, options.Concurrency)
        .Select(i => options.Channel == "directline"
            ? (BenchConversation)new DirectLineBenchConversation(client, app.DirectLineSecret, i, practiceId)
            : new ExpectRepliesConversation(client, i, practiceId))
        .ToList();
    await Task.WhenAll(conversations.Select(conversation => conversation.OpenAsync(CancellationToken.None)));

    var recorders = conversations.Select(_ => new LatencyRecorder()).ToList();
    var driverProcess = Process.GetCurrentProcess();
    TimeSpan appCpuAtStart = default, driverCpuAtStart = default;
    var measuring = 0;
    var loadBefore = LoadAverage();
    var start = Stopwatch.GetTimestamp();
    var measureFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
    var end = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
    await Task.WhenAll(conversations.Select((conversation, i) => Task.Run(async () =>
    {
        var recorder = recorders[i];
        while (Stopwatch.GetTimestamp() is var before && before < end)
        {
            var answered = await conversation.NextTurnAsync(CancellationToken.None);
            if (before < measureFrom)
            {
                continue;
            }

            if (Interlocked.Exchange(ref measuring, 1) == 0)
            {
                appCpuAtStart = app.ProcessorTime;
                driverProcess.Refresh();
                driverCpuAtStart = driverProcess.TotalProcessorTime;
            }

            recorder.Milliseconds.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
            recorder.Errors += answered ? 0 : 1;
        }
    })));

    var appCpu = app.ProcessorTime - appCpuAtStart;
    driverProcess.Refresh();
    var driverCpu = driverProcess.TotalProcessorTime - driverCpuAtStart;
    var latencies = recorders.SelectMany(recorder => recorder.Milliseconds).Order().ToList();
    var invariant = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(invariant, $"channel: {options.Channel}, conversations: {options.Concurrency}, measured: {options.Duration.TotalSeconds:0} s after {options.Warmup.TotalSeconds:0} s warm-up"));
    Console.WriteLine(string.Create(invariant, $"turns: {latencies.Count}, unanswered: {recorders.Sum(r => r.Errors)}"));
    Console.WriteLine(string.Create(invariant, $"throughput: {latencies.Count / options.Duration.TotalSeconds:0} turns/s"));
    Console.WriteLine(string.Create(invariant,
        $"latency ms: p50 {LatencyRecorder.Percentile(latencies, 50):0.00}, p95 {LatencyRecorder.Percentile(latencies, 95):0.00}, p99 {LatencyRecorder.Percentile(latencies, 99):0.00}, max {latencies[^1]:0.00}"));
    var cpuPerTurn = (appCpu + driverCpu).TotalMilliseconds / latencies.Count;
    Console.WriteLine(string.Create(invariant,
        $"cpu per turn: app {appCpu.TotalMilliseconds / latencies.Count:0.000} ms + driver {driverCpu.TotalMilliseconds / latencies.Count:0.000} ms → at most {Environment.ProcessorCount * 1000 / cpuPerTurn:0} turns/s on {Environment.ProcessorCount} idle cores"));
    // Other processes on the same cores inflate every figure above, CPU per turn included: say how loaded the machine was.
    Console.WriteLine($"load average before: {loadBefore}, after: {LoadAverage()}");
    return 0;
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static string LoadAverage()
    => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

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
