using System.Text.Json;
using System.Text.Json.Nodes;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using Shouldly;

namespace RelanceBot.Tests.BotFramework.Schema;

public sealed class ActivitySerializationTests
{
    public static TheoryData<string> AllFixtures() => new(Fixtures.AllFileNames);

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void RoundTrip_KeepsEveryField(string fixture)
    {
        var original = JsonNode.Parse(Fixtures.Read(fixture))!;
        if (original is not JsonObject)
        {
            return;
        }

        var activity = JsonSerializer.Deserialize<Activity>(original.ToJsonString(), BotFrameworkJson.Options)!;
        var serialized = JsonSerializer.Serialize(activity, BotFrameworkJson.Options);
        var reparsed = JsonSerializer.Deserialize<Activity>(serialized, BotFrameworkJson.Options)!;

        AssertSameJson(original, JsonNode.Parse(serialized)!, fixture);
        JsonSerializer.Serialize(reparsed, BotFrameworkJson.Options).ShouldBe(serialized);
    }

    [Fact]
    public void Serialize_UsesCamelCaseAndOmitsNulls()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Message, ReplyToId = "1" }, BotFrameworkJson.Options);

        json.ShouldBe("""{"type":"message","replyToId":"1"}""");
    }

    [Fact]
    public void Deserialize_AcceptsOtherCasings()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"Type":"message","SERVICEURL":"https://x/"}""", BotFrameworkJson.Options)!;

        activity.Type.ShouldBe("message");
        activity.ServiceUrl.ShouldBe("https://x/");
    }

    [Fact]
    public void CreateReply_SwapsAccountsAndKeepsConversationAndLocale()
    {
        var inbound = Parse("teams-message-personal.json");

        var reply = inbound.CreateReply("Merci");

        reply.Type.ShouldBe(ActivityTypes.Message);
        reply.Text.ShouldBe("Merci");
        reply.From.ShouldBe(inbound.Recipient);
        reply.Recipient.ShouldBe(inbound.From);
        reply.Conversation.ShouldBe(inbound.Conversation);
        reply.ReplyToId.ShouldBe("1485983408511");
        reply.Locale.ShouldBe("en-US");
    }

    [Fact]
    public void GetConversationReference_TakesTheTenantFromChannelData()
    {
        var inbound = Parse("teams-message-personal.json");

        var reference = inbound.GetConversationReference();

        reference.Conversation!.TenantId.ShouldBe("72f988bf-86f1-41af-91ab-2d7cd011db47");
        reference.Conversation.ConversationType.ShouldBe("personal");
        reference.Bot!.Id.ShouldBe("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c");
        reference.User!.AadObjectId.ShouldBe("7faf8ab2-3d56-4244-b585-20c8a42ed2b8");
        reference.ServiceUrl.ShouldBe("https://smba.trafficmanager.net/amer/");
        reference.ChannelId.ShouldBe("msteams");
        reference.ActivityId.ShouldBe("1485983408511");
    }

    [Fact]
    public void CreateMessageActivity_AddressesTheReferencedConversation()
    {
        var reference = Parse("teams-conversationUpdate-bot-added-to-team.json").GetConversationReference();

        var message = reference.CreateMessageActivity("Rappel");

        message.Text.ShouldBe("Rappel");
        message.Conversation.ShouldBe(reference.Conversation);
        message.From.ShouldBe(reference.Bot);
        message.Recipient.ShouldBe(reference.User);
        message.ReplyToId.ShouldBeNull();
    }

    private static Activity Parse(string fixture) =>
        JsonSerializer.Deserialize<Activity>(Fixtures.Read(fixture), BotFrameworkJson.Options)!;

    /// <summary>Same structure and values; timestamps compared as instants since their textual offset form may change.</summary>
    private static void AssertSameJson(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = actual.ShouldBeOfType<JsonObject>(path);
                foreach (var (name, value) in expectedObject)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    actualObject.ContainsKey(name).ShouldBeTrue($"{path}.{name} was lost");
                    AssertSameJson(value, actualObject[name], $"{path}.{name}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = actual.ShouldBeOfType<JsonArray>(path);
                actualArray.Count.ShouldBe(expectedArray.Count, path);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertSameJson(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                if (expected!.GetValueKind() == JsonValueKind.String
                    && DateTimeOffset.TryParse(expected.GetValue<string>(), out var instant)
                    && expected.GetValue<string>().Contains('T', StringComparison.Ordinal))
                {
                    DateTimeOffset.Parse(actual!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(instant, path);
                }
                else
                {
                    JsonNode.DeepEquals(expected, actual).ShouldBeTrue($"{path}: {expected.ToJsonString()} became {actual?.ToJsonString()}");
                }

                break;
        }
    }
}
