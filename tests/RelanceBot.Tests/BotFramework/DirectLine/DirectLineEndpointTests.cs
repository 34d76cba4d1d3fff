using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelanceBot.BotFramework.DirectLine;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Tests.BotFramework.TestInfrastructure;

namespace RelanceBot.Tests.BotFramework.DirectLine;

/// <summary>
/// The built-in Direct Line 3.0 endpoint on real Kestrel, with the protocol layer only and a bot that answers
/// "reçu : …" to every message and "bienvenue" to the conversation's start.
/// </summary>
public sealed class DirectLineEndpointTests : IAsyncLifetime
{
    private const string Secret = "a-direct-line-secret-of-at-least-32-characters";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private BotTestHost _host = null!;
    private DirectLineClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await BotTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["BotFramework:AllowAnonymous"] = "true",
                ["DirectLine:Secret"] = Secret,
                ["DirectLine:MaxActivitiesPerConversation"] = "10",
            },
            services => services.AddSingleton<TimeProvider>(_clock));
        _host.Bot.OnTurn = async (turn, ct) =>
        {
            if (turn.Activity.IsType(ActivityTypes.ConversationUpdate))
            {
                await turn.SendActivityAsync(new Activity { Text = "bienvenue" }, ct);
            }
            else if (turn.Activity.IsType(ActivityTypes.Message))
            {
                await turn.SendActivityAsync(new Activity { Text = "reçu : " + turn.Activity.Text }, ct);
            }
        };
        _client = new DirectLineClient(_host.Client);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DirectLineConversations Conversations => _host.App.Services.GetRequiredService<DirectLineConversations>();

    private Task<DirectLineGrant> MintAsync(string binding = "patient-42")
        => Conversations.CreateAsync(new DirectLineUser("patient-user", "Jeanne"), binding, CancellationToken.None);

    private async Task<(DirectLineGrant Grant, JsonObject Started)> MintAndStartAsync()
    {
        var grant = await MintAsync();
        using var response = await _client.StartAsync(grant.Token, new JsonObject { ["user"] = new JsonObject(), ["locale"] = "fr-FR" });
        return (grant, await DirectLineClient.BodyAsync(response, HttpStatusCode.Created));
    }

    [Fact]
    public async Task Start_WithAMintedToken_Answers201AndTellsTheBotWhoJoined_AsTheBoundUser()
    {
        var (grant, started) = await MintAndStartAsync();

        started["conversationId"]!.GetValue<string>().ShouldBe(grant.ConversationId);
        started["token"]!.GetValue<string>().ShouldBe(grant.Token);
        started["expires_in"]!.GetValue<int>().ShouldBe(1800);
        started["streamUrl"]!.GetValue<string>().ShouldStartWith($"ws://{_host.Client.BaseAddress!.Authority}/v3/directline/conversations/{grant.ConversationId}/stream?t=");
        var turn = _host.Bot.Turns.ShouldHaveSingleItem();
        turn.Activity.Type.ShouldBe(ActivityTypes.ConversationUpdate);
        turn.Activity.ChannelId.ShouldBe("directline");
        turn.Activity.Locale.ShouldBe("fr-FR");
        turn.Activity.MembersAdded!.Select(member => member.Id).ShouldBe(["bot", "patient-user"]);
        turn.IsBuiltInDirectLine().ShouldBeTrue();
        turn.GetDirectLineBinding().ShouldBe("patient-42");
    }

    [Fact]
    public async Task Start_ASecondTime_Answers200AndDoesNotGreetAgain()
    {
        var (grant, _) = await MintAndStartAsync();

        using var again = await _client.StartAsync(grant.Token);

        (await DirectLineClient.BodyAsync(again, HttpStatusCode.OK))["conversationId"]!.GetValue<string>().ShouldBe(grant.ConversationId);
        _host.Bot.Turns.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PostedMessage_RunsTheBot_AndItsReplyIsReadAfterTheWatermark()
    {
        var (grant, _) = await MintAndStartAsync();
        var greeting = await _client.ReadAsync(grant.Token, grant.ConversationId);
        greeting["watermark"]!.GetValue<string>().ShouldBe("1");

        using var posted = await _client.SayAsync(grant.Token, grant.ConversationId, "bonjour");

        var id = (await DirectLineClient.BodyAsync(posted, HttpStatusCode.OK))["id"]!.GetValue<string>();
        id.ShouldBe(grant.ConversationId + "|0000002");
        var set = await _client.ReadAsync(grant.Token, grant.ConversationId, "1");
        set["watermark"]!.GetValue<string>().ShouldBe("3");
        var activities = set["activities"]!.AsArray().Select(node => node!.AsObject()).ToList();
        activities.Count.ShouldBe(2);
        activities[0]["id"]!.GetValue<string>().ShouldBe(id);
        activities[0]["text"]!.GetValue<string>().ShouldBe("bonjour");
        activities[0]["from"]!["id"]!.GetValue<string>().ShouldBe("patient-user");
        activities[0]["from"]!["role"]!.GetValue<string>().ShouldBe("user");
        activities[1]["text"]!.GetValue<string>().ShouldBe("reçu : bonjour");
        activities[1]["replyToId"]!.GetValue<string>().ShouldBe(id);
        activities[1]["from"]!["id"]!.GetValue<string>().ShouldBe("bot");
        activities[1]["from"]!["role"]!.GetValue<string>().ShouldBe("bot");
        activities[1]["channelId"]!.GetValue<string>().ShouldBe("directline");
        activities[1]["conversation"]!["id"]!.GetValue<string>().ShouldBe(grant.ConversationId);
        activities[1]["timestamp"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Watermark_ReturnsOnlyWhatFollows_AndNothingAtTheEnd()
    {
        var (grant, _) = await MintAndStartAsync();
        (await _client.SayAsync(grant.Token, grant.ConversationId, "un")).Dispose();
        (await _client.SayAsync(grant.Token, grant.ConversationId, "deux")).Dispose();

        var all = await _client.ReadAsync(grant.Token, grant.ConversationId);
        var afterFirstTurn = await _client.ReadAsync(grant.Token, grant.ConversationId, "3");
        var atTheEnd = await _client.ReadAsync(grant.Token, grant.ConversationId, "5");

        all["activities"]!.AsArray().Count.ShouldBe(5);
        all["watermark"]!.GetValue<string>().ShouldBe("5");
        afterFirstTurn["activities"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()).ShouldBe(["deux", "reçu : deux"]);
        atTheEnd["activities"]!.AsArray().ShouldBeEmpty();
        atTheEnd["watermark"]!.GetValue<string>().ShouldBe("5");
    }

    [Fact]
    public async Task TheLog_KeepsOnlyTheMostRecentActivities_AndAnOldWatermarkReadsFromTheOldestKept()
    {
        var (grant, _) = await MintAndStartAsync();
        for (var i = 0; i < 6; i++)
        {
            (await _client.SayAsync(grant.Token, grant.ConversationId, $"m{i}")).Dispose();
        }

        var set = await _client.ReadAsync(grant.Token, grant.ConversationId, "0");

        var ids = set["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        ids.Count.ShouldBe(10);
        ids[0].ShouldBe(grant.ConversationId + "|0000004");
        set["watermark"]!.GetValue<string>().ShouldBe("13");
    }

    [Fact]
    public async Task Post_TheClientCannotChooseWhoItIs_NorTheBinding()
    {
        var (grant, _) = await MintAndStartAsync();

        (await _client.PostAsync(grant.Token, grant.ConversationId, new JsonObject
        {
            ["type"] = "message",
            ["text"] = "je suis un autre",
            ["from"] = new JsonObject { ["id"] = "someone-else", ["name"] = "Mallory" },
            ["channelData"] = new JsonObject { ["binding"] = "patient-99", ["clientActivityID"] = "web-1" },
        })).Dispose();

        var turn = _host.Bot.Turns.Last();
        turn.Activity.From!.Id.ShouldBe("patient-user");
        turn.Activity.From.Name.ShouldBe("Jeanne");
        turn.GetDirectLineBinding().ShouldBe("patient-42");
        turn.Activity.ChannelData!.Value.GetProperty("clientActivityID").GetString().ShouldBe("web-1");
    }

    [Fact]
    public async Task Post_ARetryWithTheSameClientActivityId_RunsTheBotOnce_AndAnswersTheSameId()
    {
        var (grant, _) = await MintAndStartAsync();
        var activity = new JsonObject { ["type"] = "message", ["text"] = "une fois", ["channelData"] = new JsonObject { ["clientActivityID"] = "web-7" } };

        using var first = await _client.PostAsync(grant.Token, grant.ConversationId, activity);
        using var retry = await _client.PostAsync(grant.Token, grant.ConversationId, activity);

        var firstId = (await DirectLineClient.BodyAsync(first, HttpStatusCode.OK))["id"]!.GetValue<string>();
        (await DirectLineClient.BodyAsync(retry, HttpStatusCode.OK))["id"]!.GetValue<string>().ShouldBe(firstId);
        _host.Bot.Turns.Count(turn => turn.Activity.Text == "une fois").ShouldBe(1);
        (await _client.ReadAsync(grant.Token, grant.ConversationId, "1"))["activities"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task ATokenForOneConversation_CannotReadPostOrStreamAnother()
    {
        var (mine, _) = await MintAndStartAsync();
        var (theirs, theirStart) = await MintAndStartAsync();

        using var read = await _client.GetActivitiesAsync(mine.Token, theirs.ConversationId);
        using var post = await _client.SayAsync(mine.Token, theirs.ConversationId, "intrusion");
        using var reconnect = await _client.ReconnectAsync(mine.Token, theirs.ConversationId);
        var myStreamUrl = (await DirectLineClient.BodyAsync(await _client.ReconnectAsync(mine.Token, mine.ConversationId), HttpStatusCode.OK))["streamUrl"]!.GetValue<string>();
        var ticket = myStreamUrl[(myStreamUrl.IndexOf("t=", StringComparison.Ordinal) + 2)..];
        var theirStreamUrl = new Uri(theirStart["streamUrl"]!.GetValue<string>().Split("?t=")[0] + "?t=" + ticket);

        await ProblemAsync(read, HttpStatusCode.Forbidden, "TokenConversationMismatch");
        await ProblemAsync(post, HttpStatusCode.Forbidden, "TokenConversationMismatch");
        await ProblemAsync(reconnect, HttpStatusCode.Forbidden, "TokenConversationMismatch");
        using var socket = new ClientWebSocket();
        var refused = await Should.ThrowAsync<WebSocketException>(() => socket.ConnectAsync(theirStreamUrl, CancellationToken.None));
        refused.Message.ShouldContain("403");
        _host.Bot.Turns.ShouldNotContain(turn => turn.Activity.Text == "intrusion");
    }

    [Fact]
    public async Task ATokenPastItsLifetime_IsRefused_AndCannotBeRefreshed()
    {
        var (grant, _) = await MintAndStartAsync();

        _clock.Advance(TimeSpan.FromMinutes(30));
        using var read = await _client.GetActivitiesAsync(grant.Token, grant.ConversationId);
        using var refresh = await _client.RefreshAsync(grant.Token);

        await ProblemAsync(read, HttpStatusCode.Forbidden, "TokenExpired");
        await ProblemAsync(refresh, HttpStatusCode.Forbidden, "TokenExpired");
    }

    [Fact]
    public async Task Refresh_BeforeExpiry_GivesATokenThatOutlivesTheOldOne_ForTheSameConversation()
    {
        var (grant, _) = await MintAndStartAsync();
        _clock.Advance(TimeSpan.FromMinutes(20));

        using var refresh = await _client.RefreshAsync(grant.Token);
        var refreshed = await DirectLineClient.BodyAsync(refresh, HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromMinutes(20));

        refreshed["conversationId"]!.GetValue<string>().ShouldBe(grant.ConversationId);
        refreshed["expires_in"]!.GetValue<int>().ShouldBe(1800);
        var newToken = refreshed["token"]!.GetValue<string>();
        newToken.ShouldNotBe(grant.Token);
        using var withOld = await _client.GetActivitiesAsync(grant.Token, grant.ConversationId);
        await ProblemAsync(withOld, HttpStatusCode.Forbidden, "TokenExpired");
        (await _client.ReadAsync(newToken, grant.ConversationId))["activities"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Generate_NeedsTheSecret_AndItsTokenStartsABoundConversation()
    {
        using var withoutCredential = await _client.GenerateAsync(bearer: null);
        var (someToken, _) = await MintAndStartAsync();
        using var withAToken = await _client.GenerateAsync(someToken.Token);
        using var refreshWithSecret = await _client.RefreshAsync(Secret);

        using var generated = await _client.GenerateAsync(Secret, new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_visitor", ["name"] = "Visiteur" } });
        var grant = await DirectLineClient.BodyAsync(generated, HttpStatusCode.OK);
        using var started = await _client.StartAsync(grant["token"]!.GetValue<string>());

        await ProblemAsync(withoutCredential, HttpStatusCode.Unauthorized, "MissingToken");
        await ProblemAsync(withAToken, HttpStatusCode.Forbidden, "SecretRequired");
        await ProblemAsync(refreshWithSecret, HttpStatusCode.BadRequest, "BadArgument");
        (await DirectLineClient.BodyAsync(started, HttpStatusCode.Created))["conversationId"]!.GetValue<string>()
            .ShouldBe(grant["conversationId"]!.GetValue<string>());
        _host.Bot.Turns.Last().Activity.MembersAdded![^1].Id.ShouldBe("dl_visitor");
    }

    [Fact]
    public async Task TheSecret_StartsANewConversationEachTime_AndReachesAnyConversation()
    {
        using var first = await _client.StartAsync(Secret);
        using var second = await _client.StartAsync(Secret);
        var firstId = (await DirectLineClient.BodyAsync(first, HttpStatusCode.Created))["conversationId"]!.GetValue<string>();
        var secondId = (await DirectLineClient.BodyAsync(second, HttpStatusCode.Created))["conversationId"]!.GetValue<string>();

        firstId.ShouldNotBe(secondId);
        (await _client.ReadAsync(Secret, firstId))["activities"]!.AsArray().Single()!["text"]!.GetValue<string>().ShouldBe("bienvenue");
    }

    [Fact]
    public async Task TheStream_ReplaysWhatCameBeforeIt_ThenPushesTheBotsReply()
    {
        var (grant, started) = await MintAndStartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started["streamUrl"]!.GetValue<string>()), CancellationToken.None);

        var replay = await ReceiveSetAsync(socket);
        (await _client.SayAsync(grant.Token, grant.ConversationId, "bonjour")).Dispose();
        var pushed = new List<JsonObject>();
        while (pushed.Count < 2)
        {
            var set = await ReceiveSetAsync(socket);
            pushed.AddRange(set["activities"]!.AsArray().Select(node => node!.AsObject()));
            set["watermark"]!.GetValue<string>().ShouldBe(pushed.Count == 1 ? "2" : "3");
        }

        replay["activities"]!.AsArray().Single()!["text"]!.GetValue<string>().ShouldBe("bienvenue");
        replay["watermark"]!.GetValue<string>().ShouldBe("1");
        pushed.Select(activity => activity["text"]!.GetValue<string>()).ShouldBe(["bonjour", "reçu : bonjour"]);
    }

    [Fact]
    public async Task Reconnect_WithAWatermark_GivesAStreamThatResumesAfterIt()
    {
        var (grant, _) = await MintAndStartAsync();
        (await _client.SayAsync(grant.Token, grant.ConversationId, "bonjour")).Dispose();

        using var reconnect = await _client.ReconnectAsync(grant.Token, grant.ConversationId, "2");
        var body = await DirectLineClient.BodyAsync(reconnect, HttpStatusCode.OK);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(body["streamUrl"]!.GetValue<string>()), CancellationToken.None);

        body["token"]!.GetValue<string>().ShouldBe(grant.Token);
        var set = await ReceiveSetAsync(socket);
        set["activities"]!.AsArray().Single()!["text"]!.GetValue<string>().ShouldBe("reçu : bonjour");
    }

    [Fact]
    public async Task ANewerStream_ClosesTheOlderWithCollision()
    {
        var (_, started) = await MintAndStartAsync();
        var streamUrl = new Uri(started["streamUrl"]!.GetValue<string>());
        using var older = new ClientWebSocket();
        await older.ConnectAsync(streamUrl, CancellationToken.None);
        await ReceiveSetAsync(older);

        using var newer = new ClientWebSocket();
        await newer.ConnectAsync(streamUrl, CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var closing = await older.ReceiveAsync(new byte[1024], timeout.Token);
        closing.MessageType.ShouldBe(WebSocketMessageType.Close);
        older.CloseStatusDescription.ShouldBe("collision");
        (await ReceiveSetAsync(newer))["activities"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task ABotFailure_Answers502BotRejectedActivity()
    {
        var (grant, _) = await MintAndStartAsync();
        _host.Bot.OnTurn = (_, _) => throw new InvalidOperationException("boom");

        using var response = await _client.SayAsync(grant.Token, grant.ConversationId, "bonjour");

        await ProblemAsync(response, HttpStatusCode.BadGateway, "BotRejectedActivity");
    }

    [Fact]
    public async Task AnIdleConversation_IsForgotten()
    {
        using var started = await _client.StartAsync(Secret);
        var conversationId = (await DirectLineClient.BodyAsync(started, HttpStatusCode.Created))["conversationId"]!.GetValue<string>();

        _clock.Advance(TimeSpan.FromHours(2));
        using var read = await _client.GetActivitiesAsync(Secret, conversationId);

        await ProblemAsync(read, HttpStatusCode.NotFound, "ConversationNotFound");
    }

    public static TheoryData<string, string, string, HttpStatusCode> BadPosts() => new()
    {
        { "text/plain", "bonjour", "Unsupported media type", HttpStatusCode.UnsupportedMediaType },
        { "application/json", "{\"type\": \"message\", ", "Malformed activity", HttpStatusCode.BadRequest },
        { "application/json", "[1, 2]", "Malformed activity", HttpStatusCode.BadRequest },
        { "application/json", "{\"text\": \"sans type\"}", "BadArgument", HttpStatusCode.BadRequest },
        { "application/json", "{\"type\": \"invoke\", \"name\": \"adaptiveCard/action\"}", "BadArgument", HttpStatusCode.BadRequest },
        { "application/json", "{\"type\": \"message\", \"text\": \"" + new string('a', 300 * 1024) + "\"}", "Payload too large", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(BadPosts))]
    public async Task ABadPost_IsA4xxProblem_AndNeverReachesTheBot(string contentType, string body, string title, HttpStatusCode status)
    {
        var (grant, _) = await MintAndStartAsync();

        using var response = await _client.SendRawAsync(HttpMethod.Post, $"/v3/directline/conversations/{grant.ConversationId}/activities", grant.Token, body, contentType);

        await ProblemAsync(response, status, title);
        _host.Bot.Turns.Count.ShouldBe(1);
    }

    [Fact]
    public async Task BadRequests_OnEveryRoute_Are4xxProblems()
    {
        var (grant, _) = await MintAndStartAsync();
        var other = (await MintAsync()).Token;

        await ProblemAsync(await _client.GetActivitiesAsync(grant.Token, grant.ConversationId, "abc"), HttpStatusCode.BadRequest, "BadArgument");
        await ProblemAsync(await _client.GetActivitiesAsync(grant.Token, grant.ConversationId, "-1"), HttpStatusCode.BadRequest, "BadArgument");
        await ProblemAsync(await _client.GetActivitiesAsync(grant.Token, grant.ConversationId, "99"), HttpStatusCode.BadRequest, "BadArgument");
        await ProblemAsync(await _client.ReconnectAsync(grant.Token, grant.ConversationId, "x"), HttpStatusCode.BadRequest, "BadArgument");
        await ProblemAsync(await _client.GetActivitiesAsync(Secret, "no-such-conversation"), HttpStatusCode.NotFound, "ConversationNotFound");
        await ProblemAsync(await _client.ReconnectAsync(Secret, "no-such-conversation"), HttpStatusCode.NotFound, "ConversationNotFound");
        await ProblemAsync(await _client.SayAsync(Secret, "no-such-conversation", "allô"), HttpStatusCode.NotFound, "ConversationNotFound");
        await ProblemAsync(await _client.GetActivitiesAsync("not-a-token", grant.ConversationId), HttpStatusCode.Forbidden, "TokenInvalid");
        await ProblemAsync(await _client.GetActivitiesAsync(grant.Token[..^2] + "AA", grant.ConversationId), HttpStatusCode.Forbidden, "TokenInvalid");
        await ProblemAsync(await _client.GetActivitiesAsync(null!, grant.ConversationId), HttpStatusCode.Unauthorized, "MissingToken");
        await ProblemAsync(await _client.StartAsync(other, new JsonObject { ["user"] = new JsonObject { ["id"] = new string('u', 300) } }), HttpStatusCode.BadRequest, "BadArgument");
        await ProblemAsync(await _client.SendRawAsync(HttpMethod.Post, "/v3/directline/conversations", other, "{\"user\":", "application/json"), HttpStatusCode.BadRequest, "BadArgument");
        await ProblemAsync(await _client.SendRawAsync(HttpMethod.Post, "/v3/directline/conversations", other, "{\"locale\": \"" + new string('x', 5000) + "\"}", "application/json"), HttpStatusCode.RequestEntityTooLarge, "BadArgument");
        await ProblemAsync(await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{grant.ConversationId}/stream?t=x", bearer: null), HttpStatusCode.BadRequest, "BadArgument");
    }

    private static async Task ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(status, text);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            JsonNode.Parse(text)!["title"]!.GetValue<string>().ShouldBe(title);
        }
    }

    private static async Task<JsonObject> ReceiveSetAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            result.MessageType.ShouldBe(WebSocketMessageType.Text);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage && message.Length > 0)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
            }
        }
    }
}
