using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RelanceBot.Tests.BotFramework.Fuzz;

/// <summary>
/// Seeded mutations of real Bot Framework activities, and malformed request bodies. Everything derives from the one
/// <see cref="Random"/>, so a seed replays the same sequence of requests.
/// </summary>
public sealed class ActivityFuzzer(Random random, IReadOnlyList<JsonObject> samples, string serviceUrl)
{
    private static readonly string[] Paths =
    [
        "type", "id", "channelId", "serviceUrl", "from", "from.id", "from.name", "from.role", "recipient", "recipient.id",
        "conversation", "conversation.id", "conversation.conversationType", "conversation.tenantId", "conversation.isGroup",
        "text", "textFormat", "locale", "timestamp", "localTimestamp", "replyToId", "name", "value", "value.action",
        "value.action.data", "value.action.verb", "value.action.data.alertId", "value.action.data.verb", "value.token",
        "value.practiceId", "value.alertId", "value.verb", "channelData", "channelData.tenant", "channelData.tenant.id",
        "channelData.team", "channelData.team.id", "channelData.channel", "channelData.eventType", "entities", "entities[0]",
        "entities[0].type", "attachments", "attachments[0]", "attachments[0].content", "membersAdded", "membersAdded[0]",
        "membersAdded[0].id", "membersRemoved", "reactionsAdded", "reactionsAdded[0].type", "suggestedActions",
        "suggestedActions.actions", "deliveryMode", "expiration", "relatesTo", "valueType", "action", "code", "importance",
        "callerId", "localTimezone", "speak", "inputHint", "summary", "attachmentLayout", "unknownField",
    ];

    private static readonly string[] Types =
    [
        "message", "invoke", "event", "conversationUpdate", "messageReaction", "installationUpdate", "typing",
        "endOfConversation", "messageUpdate", "messageDelete", "command", "trace", "handoff", "MESSAGE", "Invoke", "", " ",
        "unknownType",
    ];

    private static readonly string[] InvokeNames =
    [
        "adaptiveCard/action", "composeExtension/query", "composeExtension/submitAction", "task/fetch", "task/submit",
        "signin/verifyState", "signin/tokenExchange", "fileConsent/invoke", "actionableMessage/executeAction",
        "config/fetch", "healthCheck", "unknown/thing", "relancebot/link", "relancebot/practice", "",
    ];

    private static readonly string[] Words =
    [
        "bonjour", "stop", "STOP", "payer", "je veux payer en 3 fois", "déjà payé", "contester", "plus tard", "oui", "non",
        "aide", "1", "2", "3", "01/02/1980", "Martin", "code ABCD-1234", "désinscrire", "unsubscribe", "help", "pay now",
    ];

    private static readonly string[] Channels = ["msteams", "webchat", "directline", "sms", "email", "emulator", "slack", "", "MSTEAMS"];

    public JsonObject MutatedActivity(int index)
    {
        var activity = samples[random.Next(samples.Count)].DeepClone().AsObject();
        activity["id"] = $"fuzz-{index}";
        activity["serviceUrl"] = serviceUrl;
        if (random.Next(2) == 0)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        var mutations = 1 + random.Next(4);
        for (var i = 0; i < mutations; i++)
        {
            Mutate(activity);
        }

        return activity;
    }

    public (byte[] Body, string? ContentType) MalformedBody(int index)
    {
        var valid = samples[random.Next(samples.Count)].DeepClone().AsObject();
        valid["serviceUrl"] = serviceUrl;
        valid["id"] = $"malformed-{index}";
        var json = valid.ToJsonString();
        return (index % 16) switch
        {
            0 => (Utf8(Pick(["hello", "<activity/>", "type=message&text=hi", "{", "}", "{}}", "[", "\"", "nul", "undefined"])), "application/json"),
            1 => (Utf8(json[..random.Next(json.Length)]), "application/json"),
            2 => (Utf8(json), Pick(["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"])),
            3 => (Utf8(json), null),
            4 => (Utf8(json.Replace("\"type\"", $"\"huge\":\"{new string('x', 300 * 1024)}\",\"type\"", StringComparison.Ordinal)), "application/json"),
            5 => (Utf8(Pick(["null", "42", "\"message\"", "[]", "true", "[{}]", "{}", "-1e999", ""])), "application/json"),
            6 => (Utf8(new string('[', 2000 + random.Next(5000)) + new string(']', 100)), "application/json"),
            7 => (Utf8("{\"type\":\"message\",\"text\":" + new string('{', 300) + "\"a\":1" + new string('}', 300) + "}"), "application/json"),
            8 => (InvalidUtf8(json), "application/json"),
            9 => ([0xEF, 0xBB, 0xBF, .. Utf8(json)], "application/json"),
            10 => (Utf8(json.Replace("{", "{\"type\":\"invoke\",", StringComparison.Ordinal)), "application/json"),
            11 => (Utf8(json + " trailing"), "application/json"),
            12 => (Utf8("/* comment */ " + json), "application/json"),
            13 => (Utf8(json.Replace("\"id\":", "\"timestamp\":1e999,\"id\":", StringComparison.Ordinal)), "application/json"),
            14 => (Utf8(json), "application/json; charset=utf-16"),
            _ => (RandomBytes(1 + random.Next(4096)), Pick(["application/json", "application/octet-stream"])),
        };
    }

    private void Mutate(JsonObject activity)
    {
        switch (random.Next(10))
        {
            case 0:
                Remove(activity, Pick(Paths));
                break;
            case 1:
                activity["type"] = Pick(Types);
                break;
            case 2:
                activity["type"] = "invoke";
                activity["name"] = Pick(InvokeNames);
                activity["value"] = Garbage(0);
                break;
            case 3:
                activity["channelId"] = Pick(Channels);
                break;
            case 4:
                activity["text"] = random.Next(3) == 0 ? Text() : Pick(Words);
                break;
            case 5:
                activity["conversation"] = new JsonObject
                {
                    ["id"] = Pick(["19:abc@thread.tacv2", "19:abc@thread.tacv2;messageid=1", "a:1", "", "conv-" + random.Next(5)]),
                    ["conversationType"] = Pick(["personal", "channel", "groupChat", "", "other"]),
                    ["tenantId"] = Garbage(2),
                };
                break;
            case 6:
                activity["serviceUrl"] = Pick([serviceUrl, serviceUrl.ToUpperInvariant(), "http://169.254.169.254/", "https://example.com/", "ftp://x/", "not a url", ""]);
                break;
            default:
                // Half the values keep the field's JSON type, so that they get past parsing into the bot.
                Set(activity, Pick(Paths), random.Next(2) == 0 ? StringGarbage() : Garbage(0));
                break;
        }
    }

    private JsonNode? Garbage(int depth) => random.Next(depth > 3 ? 12 : 15) switch
    {
        0 => null,
        1 => "",
        2 => Text(),
        3 => Pick<JsonNode>([0, -1, int.MaxValue, long.MinValue, 0.5, 1e308, -1e-308]),
        4 => random.Next(2) == 0,
        5 => Pick(Words),
        6 => Pick(["2026-13-45T99:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "yesterday"]),
        7 => Guid(),
        8 => Pick(["http://169.254.169.254/", "javascript:alert(1)", "file:///etc/passwd", "https://smba.trafficmanager.net/emea/"]),
        9 => "é🙂\u0000\u202e<script>alert(1)</script>\r\n\t",
        10 => AlertData(),
        11 => new JsonObject { ["token"] = Garbage(depth + 1), ["practiceId"] = Garbage(depth + 1) },
        12 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => Garbage(depth + 1))]),
        13 => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(i => KeyValuePair.Create($"k{i}", Garbage(depth + 1)))),
        _ => Nested(1 + random.Next(30)),
    };

    private string StringGarbage() => random.Next(7) switch
    {
        0 => "",
        1 => Text(),
        2 => Pick(Words),
        3 => Pick(["2026-13-45T99:00:00Z", "0001-01-01T00:00:00Z", "yesterday", "19:abc@thread.tacv2", "28:bot", "29:user"]),
        4 => Guid(),
        5 => Pick(["http://169.254.169.254/", "javascript:alert(1)", "https://smba.trafficmanager.net/emea/", "relancebot/link"]),
        _ => "é🙂\u0000\u202e<script>alert(1)</script>\r\n\t",
    };

    private JsonObject AlertData() => new()
    {
        ["alertId"] = random.Next(3) == 0 ? Garbage(4) : Guid(),
        ["verb"] = Pick<JsonNode?>(["approve", "reject", "paid", "pause", "snooze", "resolve", "", null, 7]),
        ["days"] = Pick<JsonNode?>(["3", -5, 1e10, "x", null]),
        ["reason"] = random.Next(2) == 0 ? Text() : "ok",
        ["method"] = Pick<JsonNode?>(["cash", "card", "cheque", "", null]),
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = "bottom";
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        }

        return node;
    }

    private string Text() => new((char)('a' + random.Next(26)), Pick([0, 1, 255, 513, 2049, 40_000, 100_000]));

    private string Guid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private byte[] InvalidUtf8(string json)
    {
        var bytes = Utf8(json).ToList();
        var at = bytes.IndexOf((byte)'"') + 1;
        bytes.InsertRange(at, Pick<byte[]>([[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]]));
        return [.. bytes];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static void Remove(JsonObject root, string path)
    {
        var (parent, last) = Parent(root, path, create: false);
        if (parent is JsonObject parentObject && last.Index is null)
        {
            parentObject.Remove(last.Name);
        }
    }

    /// <summary>Sets <c>a.b[0].c</c>, creating missing objects and arrays, replacing values of the wrong kind on the way.</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, last) = Parent(root, path, create: true);
        if (parent is not JsonObject parentObject)
        {
            return;
        }

        if (last.Index is null)
        {
            parentObject[last.Name] = value;
            return;
        }

        parentObject[last.Name] = new JsonArray(value);
    }

    private static (JsonNode? Parent, (string Name, int? Index) Last) Parent(JsonObject root, string path, bool create)
    {
        var segments = path.Split('.').Select(Segment).ToList();
        JsonNode? node = root;
        foreach (var (name, index) in segments.SkipLast(1))
        {
            if (node is not JsonObject current)
            {
                return (null, segments[^1]);
            }

            var child = current[name];
            if (index is { } i)
            {
                if (child is not JsonArray array || array.Count <= i)
                {
                    if (!create)
                    {
                        return (null, segments[^1]);
                    }

                    array = new JsonArray(new JsonObject());
                    current[name] = array;
                }

                if (array[i] is not JsonObject)
                {
                    array[i] = new JsonObject();
                }

                node = array[i];
            }
            else
            {
                if (child is not JsonObject && create)
                {
                    current[name] = child = new JsonObject();
                }

                node = child;
            }
        }

        return (node, segments[^1]);
    }

    private static (string Name, int? Index) Segment(string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? (segment, null)
            : (segment[..bracket], int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture));
    }
}
