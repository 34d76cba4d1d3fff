using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;
using Xunit.Abstractions;

namespace RelanceBot.Tests.BotFramework.Fuzz;

/// <summary>
/// ~1,500 mutated Bot Framework activities and malformed bodies against the real app on Kestrel (anonymous mode, a
/// loopback Connector): no 5xx apart from 501 for an invoke nobody handles, and the bot still answers afterwards.
/// A failure prints the case number and body; the fixed seed replays the same sequence.
/// </summary>
public sealed class MessagesEndpointFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 12_2026;
    private const int MutatedActivities = 1_350;
    private const int MalformedBodies = 150;

    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "BotFramework", "Fuzz", "Samples");

    private readonly RelanceBotFactory _app = new();
    private FakeConnector _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _app.StartServer();
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task MutatedActivitiesAndMalformedBodies_NeverAnswer5xx_AndTheBotStillAnswers()
    {
        var fuzzer = new ActivityFuzzer(new Random(Seed), LoadSamples(), _connector.ServiceUrl);
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();

        for (var i = 0; i < MutatedActivities; i++)
        {
            var activity = fuzzer.MutatedActivity(i);
            var body = activity.ToJsonString();
            var status = await PostAsync(System.Text.Encoding.UTF8.GetBytes(body), "application/json");
            Record(statuses, failures, status, IsInvoke(activity), $"activity #{i}", body);
        }

        for (var i = 0; i < MalformedBodies; i++)
        {
            var (body, contentType) = fuzzer.MalformedBody(i);
            var status = await PostAsync(body, contentType);
            Record(statuses, failures, status, isInvoke: false, $"body #{i} ({contentType ?? "no content type"})",
                System.Text.Encoding.UTF8.GetString(body));
        }

        output.WriteLine("status: count → " + string.Join(", ", statuses.Select(pair => $"{pair.Key}: {pair.Value}")));
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(10)));
        statuses.Values.Sum().ShouldBe(MutatedActivities + MalformedBodies);
        (await NormalMessageRepliesAsync()).ShouldNotBeEmpty("the bot still answers a normal message");
    }

    private async Task<int> PostAsync(byte[] body, string? contentType)
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _client.PostAsync("/api/messages", content);
        return (int)response.StatusCode;
    }

    private static void Record(SortedDictionary<int, int> statuses, List<string> failures, int status, bool isInvoke, string name, string body)
    {
        statuses[status] = statuses.GetValueOrDefault(status) + 1;
        var acceptable = status < 500 || (status == StatusCodes.Status501NotImplemented && isInvoke);
        if (!acceptable)
        {
            failures.Add($"{name} → {status}: {(body.Length > 600 ? body[..600] + "…" : body)}");
        }
    }

    private static bool IsInvoke(JsonObject activity) =>
        activity["type"] is JsonValue type && type.TryGetValue<string>(out var value)
        && string.Equals(value, "invoke", StringComparison.OrdinalIgnoreCase);

    private async Task<IReadOnlyList<string>> NormalMessageRepliesAsync()
    {
        var message = Fixtures.Message(_connector.ServiceUrl, id: "after-the-fuzz", text: "bonjour");
        message["channelId"] = "webchat";
        message["conversation"] = new JsonObject { ["id"] = "after-the-fuzz" };
        message["deliveryMode"] = "expectReplies";
        using var response = await _client.PostAsJsonAsync("/api/messages", message);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return [.. body!["activities"]!.AsArray().Select(reply => reply!["text"]?.GetValue<string>() ?? string.Empty)];
    }

    private static List<JsonObject> LoadSamples() =>
    [
        .. Directory.GetFiles(SamplesDirectory, "*.json").Order(StringComparer.Ordinal).Select(file =>
        {
            var sample = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            return sample["conversation"] is null ? WithEnvelope(sample) : sample;
        }),
    ];

    /// <summary>The invoke sample omits the envelope; it gets the personal message's (as <see cref="Fixtures"/> does).</summary>
    private static JsonObject WithEnvelope(JsonObject invoke)
    {
        var envelope = JsonNode.Parse(File.ReadAllText(Path.Combine(SamplesDirectory, "teams-message-personal.json")))!.AsObject();
        foreach (var field in new[] { "channelId", "from", "recipient", "conversation", "channelData", "locale" })
        {
            invoke[field] = envelope[field]!.DeepClone();
        }

        return invoke;
    }
}
