using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace RelanceBot.EndToEndTests;

/// <summary>
/// The Microsoft 365 Agents Playground (npm), started headless against a bot endpoint, always under the loopback
/// network guard: it bundles telemetry that would otherwise try to leave the machine.
/// </summary>
public sealed class Playground : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ClientWebSocket _stream = new();
    private readonly Channel<JsonObject> _botMessages = Channel.CreateUnbounded<JsonObject>();
    private readonly Channel<JsonObject> _botUpdates = Channel.CreateUnbounded<JsonObject>();
    private readonly CancellationTokenSource _stop = new();

    private Playground(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public Uri ConnectorUrl => new(BaseAddress, "_connector");

    public static async Task<Playground> StartAsync(Uri botEndpoint, string channelId)
    {
        var harness = NodeHarness.Directory("playground");
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = harness,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(harness, "node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
                     "-e", botEndpoint.ToString(), "-c", channelId, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--su", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NODE_OPTIONS"] = $"--require={NodeHarness.NetworkGuardPath()}";
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        void OnOutput(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            const string marker = "Listening on ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && int.TryParse(line[(at + marker.Length)..].Trim(), out var actual))
            {
                listening.TrySetResult(actual);
            }
        }

        try
        {
            var actualPort = await listening.Task.WaitAsync(StartTimeout);
            if (actualPort != port)
            {
                throw new InvalidOperationException($"The playground moved from port {port} to {actualPort}; its serviceUrl would be wrong.");
            }

            var playground = new Playground(process, new Uri($"http://127.0.0.1:{port}/"));
            await playground.ConnectStreamAsync();
            return playground;
        }
        catch (Exception e)
        {
            process.Kill(entireProcessTree: true);
            string log;
            lock (output)
            {
                log = output.ToString();
            }

            throw new InvalidOperationException($"The Agents Playground did not start: {e.Message}\n{log}", e);
        }
    }

    public async Task<JsonObject> TestConfigAsync()
        => await Http.GetFromJsonAsync<JsonObject>("_internal/v1/testConfig") ?? throw new InvalidOperationException("No config.");

    public async Task<string> PersonalChatIdAsync()
        => (await TestConfigAsync())["config"]!["personalChat"]!["id"]!.GetValue<string>();

    /// <summary>What the playground's UI does when the app is installed: installationUpdate + conversationUpdate.</summary>
    public async Task InstallAsync(string conversationId)
        => (await Http.PostAsJsonAsync($"_debug/conversation/{conversationId}/installation", new { })).EnsureSuccessStatusCode();

    public async Task SayAsync(string conversationId, string text)
        => (await Http.PostAsJsonAsync(
            $"_conversation/v1/conversations/{conversationId}/messages",
            new { from = new { id = "user-id-0" }, text, textFormat = "plain" })).EnsureSuccessStatusCode();

    /// <summary>Posts any activity as-is (the only way to choose the locale).</summary>
    public async Task SendCustomActivityAsync(JsonObject activity)
        => (await Http.PostAsJsonAsync("_internal/v1/customActivities", activity)).EnsureSuccessStatusCode();

    /// <summary>
    /// A message in a team channel, @mentioning the bot (the playground only forwards channel messages that mention it);
    /// <paramref name="text"/> follows the mention.
    /// </summary>
    public async Task SayInChannelAsync(string channelId, string text)
    {
        var config = (await TestConfigAsync())["config"]!;
        var bot = config["bot"]!;
        var mention = $"<at>{bot["name"]!.GetValue<string>()}</at>";
        (await Http.PostAsJsonAsync(
            $"_conversation/v1/conversations/{channelId}/messages",
            new
            {
                from = new { id = "user-id-0" },
                text = $"{mention} {text}",
                textFormat = "plain",
                mentions = new[] { new { mentioned = new { id = bot["id"]!.GetValue<string>() }, text = mention } },
            })).EnsureSuccessStatusCode();
    }

    /// <summary>What the UI sends when an Action.Execute button of a card is pressed; returns the playground's answer.</summary>
    public async Task<JsonObject> ExecuteCardActionAsync(string conversationId, string cardMessageId, string verb, JsonObject data)
    {
        using var response = await Http.PostAsJsonAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = "user-id-0" },
            ["replyToId"] = cardMessageId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data, ["title"] = verb },
            },
        });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)!.AsObject()
            : throw new InvalidOperationException($"The playground answered {(int)response.StatusCode} to an action on {cardMessageId} in {conversationId}: {body}");
    }

    /// <summary>
    /// The next message the bot made appear in the playground (pushed on its conversation websocket), with the
    /// conversation it lives in as <c>actionConversationId</c>.
    /// </summary>
    public Task<JsonObject> NextBotMessageAsync(TimeSpan timeout) => NextAsync(_botMessages, "message", timeout);

    /// <summary>The next bot message the bot edited in place (an Update Activity, pushed as <c>updateMessage</c>).</summary>
    public Task<JsonObject> NextBotUpdateAsync(TimeSpan timeout) => NextAsync(_botUpdates, "message update", timeout);

    private static async Task<JsonObject> NextAsync(Channel<JsonObject> stream, string what, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await stream.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No bot {what} reached the playground within {timeout}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stream.Dispose();
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _stop.Dispose();
    }

    private async Task ConnectStreamAsync()
    {
        var uri = new Uri($"ws://{BaseAddress.Authority}/_ws_conversation/v1/conversations/stream");
        await _stream.ConnectAsync(uri, CancellationToken.None);
        _ = Task.Run(ReadStreamAsync);
    }

    private async Task ReadStreamAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _stream.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var update = JsonNode.Parse(frame.ToArray()) as JsonObject;
                frame.SetLength(0);
                if (update?["message"] is JsonObject message)
                {
                    var stream = update["action"]?.GetValue<string>() switch
                    {
                        "createMessage" => _botMessages,
                        "updateMessage" => _botUpdates,
                        _ => null,
                    };
                    // Where the message lives (a channel post has its own conversation), to act on it later.
                    message["actionConversationId"] = update["actionConversationId"]?.DeepClone();
                    stream?.Writer.TryWrite(message);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or JsonException)
        {
            // The playground stopped or the test ended.
        }
        finally
        {
            _botMessages.Writer.TryComplete();
            _botUpdates.Writer.TryComplete();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
