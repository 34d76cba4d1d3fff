using System.Net;
using System.Text.Json.Nodes;
using RelanceBot.Tests.BotFramework.TestInfrastructure;

namespace RelanceBot.Tests.BotFramework.Hosting;

/// <summary>Every id and text field of an inbound activity has a length cap; beyond it the edge answers 400 naming the field.</summary>
public sealed class ActivityLengthLimitTests : IAsyncLifetime
{
    private const int IdCap = 512;
    private const int UrlCap = 2048;
    private const int TextCap = 32 * 1024;

    private FakeConnector _connector = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await BotTestHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string, int> CappedFields() => new()
    {
        { "type", IdCap },
        { "id", IdCap },
        { "channelId", IdCap },
        { "replyToId", IdCap },
        { "locale", IdCap },
        { "name", IdCap },
        { "valueType", IdCap },
        { "deliveryMode", IdCap },
        { "callerId", IdCap },
        { "localTimezone", IdCap },
        { "from.id", IdCap },
        { "from.name", IdCap },
        { "from.aadObjectId", IdCap },
        { "recipient.id", IdCap },
        { "conversation.id", IdCap },
        { "conversation.name", IdCap },
        { "conversation.tenantId", IdCap },
        { "conversation.conversationType", IdCap },
        { "membersAdded[1].id", IdCap },
        { "membersRemoved[0].name", IdCap },
        { "reactionsAdded[0].type", IdCap },
        { "entities[0].type", IdCap },
        { "attachments[0].contentType", IdCap },
        { "attachments[0].name", IdCap },
        { "relatesTo.conversation.id", IdCap },
        { "relatesTo.activityId", IdCap },
        { "suggestedActions.to[0]", IdCap },
        { "suggestedActions.actions[0].type", IdCap },
        { "serviceUrl", UrlCap },
        { "relatesTo.serviceUrl", UrlCap },
        { "text", TextCap },
        { "speak", TextCap },
        { "summary", TextCap },
        { "attachments[0].contentUrl", TextCap },
        { "suggestedActions.actions[0].title", TextCap },
    };

    [Theory]
    [MemberData(nameof(CappedFields))]
    public async Task FieldOneCharacterOverItsCap_Answers400NamingIt(string path, int cap)
    {
        var message = MessageWith(path, Value(path, cap + 1));

        using var response = await _host.PostAsync(message);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        JsonNode.Parse(body)!["errors"]![path].ShouldNotBeNull(body.Length > 2000 ? body[..2000] : body);
        body.Length.ShouldBeLessThan(2000, "the refusal names the field, it does not echo the value");
        _host.Bot.Turns.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CappedFields))]
    public async Task FieldAtItsCap_IsAccepted(string path, int cap)
    {
        using var response = await _host.PostAsync(MessageWith(path, Value(path, cap)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        _host.Bot.Turns.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task TwoHundredKilobyteConversationId_Answers400()
    {
        using var response = await _host.PostAsync(MessageWith("conversation.id", new string('c', 200 * 1024)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _host.Bot.Turns.ShouldBeEmpty();
    }

    /// <summary>A value of <paramref name="length"/> characters that is still valid for the field (a loopback URL, a known type).</summary>
    private string Value(string path, int length)
    {
        var prefix = path switch
        {
            "serviceUrl" => _connector.ServiceUrl,
            "relatesTo.serviceUrl" or "attachments[0].contentUrl" => "https://example.com/",
            "type" => "message",
            _ => string.Empty,
        };
        return prefix + new string('x', length - prefix.Length);
    }

    private JsonObject MessageWith(string path, string value)
    {
        var message = Fixtures.Message(_connector.ServiceUrl);
        message["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:a" }, new JsonObject { ["id"] = "29:b" });
        message["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = "29:c" });
        message["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        message["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo" });
        message["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png" });
        message["relatesTo"] = new JsonObject { ["conversation"] = new JsonObject { ["id"] = "a:1" } };
        message["suggestedActions"] = new JsonObject
        {
            ["to"] = new JsonArray("29:a"),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "imBack", ["title"] = "Oui" }),
        };
        Set(message, path, value);
        return message;
    }

    /// <summary>Sets <c>a.b[1].c</c> in <paramref name="root"/>, creating objects on the way.</summary>
    private static void Set(JsonObject root, string path, string value)
    {
        JsonNode node = root;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var index = bracket < 0 ? (int?)null : int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            var last = i == segments.Length - 1;
            if (index is null)
            {
                if (last)
                {
                    node[name] = value;
                    return;
                }

                node = node[name] ??= new JsonObject();
                continue;
            }

            var array = node[name]!.AsArray();
            if (last)
            {
                array[index.Value] = value;
                return;
            }

            node = array[index.Value]!;
        }
    }
}
