using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Conversations;

/// <summary>
/// One patient conversation driven through the real <c>/api/messages</c> endpoint, reading the bot's replies from the
/// HTTP response (<c>deliveryMode: expectReplies</c>), as an agent-to-agent caller or the Agents Playground would.
/// </summary>
public sealed class BotConversation(RelanceBotFactory app, string locale = "fr-FR", string channelId = "msteams")
{
    private const string ServiceUrl = "http://127.0.0.1:9/connector/";
    private int _sequence;

    public string ConversationId { get; } = $"a:{Guid.NewGuid():N}";

    public Task<IReadOnlyList<string>> JoinAsync() => SendAsync(new JsonObject
    {
        ["type"] = "conversationUpdate",
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "bot" }, new JsonObject { ["id"] = "patient" }),
    });

    public Task<IReadOnlyList<string>> SayAsync(string text) => SendAsync(new JsonObject
    {
        ["type"] = "message",
        ["text"] = text,
    });

    public Task<IReadOnlyList<string>> SendEventAsync(string name, JsonObject value) => SendAsync(new JsonObject
    {
        ["type"] = "event",
        ["name"] = name,
        ["value"] = value,
    });

    private async Task<IReadOnlyList<string>> SendAsync(JsonObject activity)
    {
        activity["id"] = $"activity-{Interlocked.Increment(ref _sequence)}";
        activity["channelId"] = channelId;
        activity["serviceUrl"] = ServiceUrl;
        activity["locale"] = locale;
        activity["deliveryMode"] = "expectReplies";
        activity["from"] = new JsonObject { ["id"] = "patient", ["name"] = "Patient" };
        activity["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "RelanceBot" };
        activity["conversation"] = new JsonObject { ["id"] = ConversationId, ["tenantId"] = "tenant-1" };

        app.StartServer();
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["activities"]!.AsArray().Select(reply => reply!["text"]!.GetValue<string>()).ToList();
    }
}
