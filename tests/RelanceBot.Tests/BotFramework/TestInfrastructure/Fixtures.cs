using System.Text.Json.Nodes;

namespace RelanceBot.Tests.BotFramework.TestInfrastructure;

/// <summary>The Microsoft sample payloads kept in tests/RelanceBot.Tests/Fixtures/botframework (sources in its README).</summary>
public static class Fixtures
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "botframework");

    /// <summary>Fixtures that a channel sends to the bot.</summary>
    public static readonly string[] InboundActivities =
    [
        "teams-message-personal.json",
        "teams-message-channel-mention.json",
        "teams-conversationUpdate-bot-added-personal.json",
        "teams-conversationUpdate-bot-added-to-team.json",
        "teams-installationUpdate-add.json",
        "teams-messageReaction-added.json",
        "teams-invoke-adaptiveCard-action.json",
    ];

    public static IEnumerable<string> AllFileNames => System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileName)!;

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    public static JsonObject ReadObject(string fileName) => JsonNode.Parse(Read(fileName))!.AsObject();

    /// <summary>
    /// An inbound fixture ready to post: serviceUrl pointed at <paramref name="serviceUrl"/>. The invoke sample omits the
    /// envelope (see the fixtures README), so it gets the personal message's one.
    /// </summary>
    public static JsonObject InboundActivity(string fileName, string serviceUrl)
    {
        var activity = ReadObject(fileName);
        if (activity["conversation"] is null)
        {
            var envelope = ReadObject("teams-message-personal.json");
            foreach (var field in new[] { "id", "channelId", "from", "recipient", "conversation", "channelData", "locale" })
            {
                activity[field] = envelope[field]!.DeepClone();
            }

            activity["id"] = "f:invoke-1";
            activity["replyToId"] = "1485983408511";
        }

        activity["serviceUrl"] = serviceUrl;
        return activity;
    }

    public static JsonObject Message(string serviceUrl, string? id = "msg-1", string text = "bonjour") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "Patient" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "RelanceBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:conversation;1@x" },
        ["locale"] = "fr-FR",
        ["text"] = text,
    };
}
