using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using RelanceBot.BotFramework;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.Tests.BotFramework.TestInfrastructure;

// Usage: dotnet run -c Release --project benchmarks/RelanceBot.ForgedTokenBenchmark -- [tokens per scenario]
// The protocol layer exactly as the app registers it (AddBotFramework, MapBotFramework), in Production with an app id,
// on Kestrel 127.0.0.1; the OpenID metadata on a loopback fake that is up, down (closed port) or slow (30 s, beyond
// the 5 s fetch timeout). Forged tokens in a row, one request at a time: statuses and latency percentiles.
const string AppId = "0f6a4a53-6a2b-4d0e-9a55-1a2b3c4d5e6f";
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var invariant = CultureInfo.InvariantCulture;

foreach (var scenario in new[] { "metadata up", "metadata down", "metadata slow" })
{
    await using var identity = await LocalIdentityProvider.StartAsync();
    var published = identity.CreateKey(publish: true, "msteams");
    var attacker = identity.CreateKey(publish: false, "msteams");
    if (scenario == "metadata slow")
    {
        identity.MetadataDelay = TimeSpan.FromSeconds(30);
    }

    var metadataUrl = scenario == "metadata down" ? ClosedPortUrl() : identity.ChannelMetadataUrl;
    await using var bot = await StartBotAsync(metadataUrl, identity.EntraMetadataUrlTemplate);
    using var client = new HttpClient { BaseAddress = bot.BaseAddress() };
    const string serviceUrl = "https://smba.trafficmanager.net/emea/";
    var tokens = ForgedTokens.Mix(attacker, published.Key.KeyId!, AppId, serviceUrl);

    var statuses = new SortedDictionary<int, int>();
    var latencies = new List<double>(count);
    for (var i = 0; i < count; i++)
    {
        var (_, token) = tokens[i % tokens.Count];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(
                $$"""{"type":"message","id":"forged-{{i}}","channelId":"msteams","serviceUrl":"{{serviceUrl}}","from":{"id":"29:x"},"recipient":{"id":"28:bot"},"conversation":{"id":"a:1"},"text":"hi"}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
    }

    latencies.Sort();
    Console.WriteLine(string.Create(invariant,
        $"{scenario}: {count} forged tokens ({string.Join(", ", tokens.Select(t => t.Kind))}, in turn); " +
        $"status {string.Join(", ", statuses.Select(pair => $"{pair.Key} × {pair.Value}"))}; " +
        $"5xx: {statuses.Where(pair => pair.Key >= 500).Sum(pair => pair.Value)}; " +
        $"ms p50 {Percentile(latencies, 50):0.00}, p99 {Percentile(latencies, 99):0.00}, max {latencies[^1]:0.00}; " +
        $"metadata fetches: {identity.MetadataRequests}"));
}

return 0;

static async Task<WebApplication> StartBotAsync(string channelMetadataUrl, string entraMetadataUrlTemplate)
{
    var builder = LoopbackServer.CreateBuilder("Production");
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "benchmark-secret",
        ["BotFramework:ChannelOpenIdMetadataUrl"] = channelMetadataUrl,
        ["BotFramework:EntraOpenIdMetadataUrlTemplate"] = entraMetadataUrlTemplate,
        ["BotFramework:RequireHttpsMetadata"] = "false",
    });
    builder.Services.AddBotFramework();
    builder.Services.AddSingleton<IBot, SilentBot>();
    var app = builder.Build();
    app.MapBotFramework();
    await app.StartAsync();
    return app;
}

static double Percentile(List<double> sorted, int percentile) =>
    sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];

static string ClosedPortUrl()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return $"http://127.0.0.1:{port}/v1/.well-known/openidconfiguration";
}

/// <summary>No forged token should ever reach a bot; this one does nothing if it did.</summary>
internal sealed class SilentBot : IBot
{
    public Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
}
