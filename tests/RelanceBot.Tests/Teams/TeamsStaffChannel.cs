using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Teams;

/// <summary>
/// A practice's Teams channel driven through the real <c>/api/messages</c>, with the bot's sends landing on a loopback
/// fake Connector, as Teams would see them.
/// </summary>
public sealed class TeamsStaffChannel(RelanceBotFactory app, FakeConnector connector, string channelId = "19:cabinet-alerts@thread.tacv2")
{
    private const string BotId = "28:relancebot";
    private int _sequence;

    public string ChannelId { get; } = channelId;

    /// <summary>A staff message in a thread of the channel, @mentioning the bot first, as Teams delivers it.</summary>
    public async Task<string> SayAsync(string aadObjectId, string text)
    {
        var before = connector.Requests.Count;
        var response = await PostAsync(Activity("message", aadObjectId, $"<at>RelanceBot</at> {text}"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return connector.Requests.Skip(before).Select(r => r.Body?["text"]?.GetValue<string>()).OfType<string>().Single();
    }

    /// <summary>The bot installed in the team: Teams says so in the channel it was added from.</summary>
    public async Task<string> AddBotToTeamAsync(string aadObjectId)
    {
        var before = connector.Requests.Count;
        var activity = Activity("conversationUpdate", aadObjectId);
        activity["conversation"]!["id"] = ChannelId;
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        (await PostAsync(activity)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return connector.Requests.Skip(before).Select(r => r.Body?["text"]?.GetValue<string>()).OfType<string>().Single();
    }

    /// <summary>An Action.Execute press: returns the invoke response's body.</summary>
    public async Task<JsonObject> ExecuteAsync(string aadObjectId, string verb, JsonObject data, string? replyToId = null)
    {
        var activity = Activity("invoke", aadObjectId);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId ?? "card-1";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        var response = await PostAsync(activity);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>An Action.Submit press (older clients): a message whose value is the card's data and inputs.</summary>
    public async Task SubmitAsync(string aadObjectId, JsonObject value, string replyToId)
    {
        var activity = Activity("message", aadObjectId);
        activity["value"] = value;
        activity["replyToId"] = replyToId;
        (await PostAsync(activity)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        app.StartServer();
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/messages", activity);
    }

    private JsonObject Activity(string type, string aadObjectId, string? text = null) => new()
    {
        ["type"] = type,
        ["id"] = $"activity-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}",
        ["channelId"] = "msteams",
        ["serviceUrl"] = connector.ServiceUrl,
        ["locale"] = "fr-FR",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = $"29:{aadObjectId}", ["name"] = "Membre", ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "RelanceBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = $"{ChannelId};messageid={_sequence}",
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["tenantId"] = "tenant-1",
        },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = ChannelId },
        },
        ["entities"] = text is null
            ? null
            : new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "RelanceBot" },
                ["text"] = "<at>RelanceBot</at>",
            }),
    };
}
