using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using Shouldly;

namespace RelanceBot.Tests.BotFramework.Hosting;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
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

    public static TheoryData<string> InboundFixtures() => new(Fixtures.InboundActivities);

    [Theory]
    [MemberData(nameof(InboundFixtures))]
    public async Task Post_InboundFixture_RunsTurnAndRepliesThroughTheConnector(string fixture)
    {
        var inbound = Fixtures.InboundActivity(fixture, _connector.ServiceUrl);
        _host.Bot.OnTurn = async (turn, ct) =>
        {
            await turn.SendActivityAsync(new Activity { Text = "reçu" }, ct);
            if (turn.Activity.IsType(ActivityTypes.Invoke))
            {
                turn.InvokeResponse = new InvokeResponse(200, new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "ok" });
            }
        };

        using var response = await _host.PostAsync(inbound);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Bot.Turns.Single().Activity.Type.ShouldBe(inbound["type"]!.GetValue<string>());
        var sent = _connector.Requests.ShouldHaveSingleItem();
        var conversationId = inbound["conversation"]!["id"]!.GetValue<string>();
        var inboundId = inbound["id"]?.GetValue<string>();
        var expectedPath = "/emea/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities"
            + (inboundId is null ? string.Empty : "/" + Uri.EscapeDataString(inboundId));
        sent.Method.ShouldBe("POST");
        sent.RawTarget.ShouldBe(expectedPath);
        sent.Authorization.ShouldBeEmpty();
        sent.Body!["type"]!.GetValue<string>().ShouldBe("message");
        sent.Body["text"]!.GetValue<string>().ShouldBe("reçu");
        sent.Body["from"]!["id"]!.GetValue<string>().ShouldBe(inbound["recipient"]!["id"]!.GetValue<string>());
        sent.Body["recipient"]!["id"]!.GetValue<string>().ShouldBe(inbound["from"]!["id"]!.GetValue<string>());
        sent.Body["conversation"]!["id"]!.GetValue<string>().ShouldBe(conversationId);
        sent.Body["replyToId"]?.GetValue<string>().ShouldBe(inboundId);
    }

    [Fact]
    public async Task Post_Invoke_AnswersWithTheInvokeStatusAndBody()
    {
        var card = Fixtures.ReadObject("adaptiveCard-action-invoke-response-card.json");
        _host.Bot.OnTurn = (turn, _) =>
        {
            turn.InvokeResponse = new InvokeResponse(200, card);
            return Task.CompletedTask;
        };

        using var response = await _host.PostAsync(Fixtures.InboundActivity("teams-invoke-adaptiveCard-action.json", _connector.ServiceUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        JsonNode.DeepEquals(body, card).ShouldBeTrue();
        body["status"].ShouldBeNull();
    }

    [Fact]
    public async Task Post_InvokeWithoutResponse_Answers501()
    {
        using var response = await _host.PostAsync(Fixtures.InboundActivity("teams-invoke-adaptiveCard-action.json", _connector.ServiceUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        _host.Bot.Turns.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_ExpectReplies_ReturnsRepliesInTheBodyAndPostsNothing()
    {
        _host.Bot.OnTurn = async (turn, ct) =>
        {
            await turn.SendActivityAsync(new Activity { Text = "un" }, ct);
            await turn.SendActivityAsync(new Activity { Text = "deux" }, ct);
        };
        var message = Fixtures.Message(_connector.ServiceUrl);
        message["deliveryMode"] = "expectReplies";

        using var response = await _host.PostAsync(message);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var replies = JsonSerializer.Deserialize<ExpectedReplies>(await response.Content.ReadAsStringAsync(), BotFrameworkJson.Options)!;
        replies.Activities.Select(a => a.Text).ShouldBe(["un", "deux"]);
        replies.Activities[0].ReplyToId.ShouldBe("msg-1");
        replies.Activities[0].Recipient!.Id.ShouldBe("29:user");
        _connector.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_InvokeWithExpectReplies_ReturnsActivitiesAndInvokeBody()
    {
        _host.Bot.OnTurn = async (turn, ct) =>
        {
            await turn.SendActivityAsync(new Activity { Text = "merci" }, ct);
            turn.InvokeResponse = new InvokeResponse(200, new { statusCode = 200 });
        };
        var invoke = Fixtures.InboundActivity("teams-invoke-adaptiveCard-action.json", _connector.ServiceUrl);
        invoke["deliveryMode"] = "expectReplies";

        using var response = await _host.PostAsync(invoke);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["activities"]!.AsArray().Count.ShouldBe(1);
        body["body"]!["statusCode"]!.GetValue<int>().ShouldBe(200);
        _connector.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Turn_UpdateAndDelete_UseTheConversationOfTheInboundActivity()
    {
        _host.Bot.OnTurn = async (turn, ct) =>
        {
            await turn.UpdateActivityAsync(new Activity { Id = "card-1", Text = "Approuvé" }, ct);
            await turn.DeleteActivityAsync("card-2", ct);
        };

        using var response = await _host.PostAsync(Fixtures.Message(_connector.ServiceUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _connector.Requests.Select(r => (r.Method, r.RawTarget)).ShouldBe(
        [
            ("PUT", "/emea/v3/conversations/a%3Aconversation%3B1%40x/activities/card-1"),
            ("DELETE", "/emea/v3/conversations/a%3Aconversation%3B1%40x/activities/card-2"),
        ]);
        _connector.Requests.First().Body!["text"]!.GetValue<string>().ShouldBe("Approuvé");
    }

    [Fact]
    public async Task Post_SameActivityTwice_ProcessesItOnce()
    {
        var message = Fixtures.Message(_connector.ServiceUrl);

        using var first = await _host.PostAsync(message);
        using var second = await _host.PostAsync(message);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Bot.Turns.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_DuplicateWhileFirstIsRunning_IsNotProcessedAgain()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        _host.Bot.OnTurn = async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
        };
        var message = Fixtures.Message(_connector.ServiceUrl);

        var first = _host.PostAsync(message);
        await started.Task;
        using var duplicate = await _host.PostAsync(message);
        release.SetResult();
        using var firstResponse = await first;

        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        firstResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Bot.Turns.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_DuplicateInvoke_ReplaysTheFirstInvokeResponse()
    {
        _host.Bot.OnTurn = (turn, _) =>
        {
            turn.InvokeResponse = new InvokeResponse(200, new { statusCode = 200, value = "first" });
            return Task.CompletedTask;
        };
        var invoke = Fixtures.InboundActivity("teams-invoke-adaptiveCard-action.json", _connector.ServiceUrl);

        using var first = await _host.PostAsync(invoke);
        using var second = await _host.PostAsync(invoke);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await second.Content.ReadAsStringAsync())!["value"]!.GetValue<string>().ShouldBe("first");
        _host.Bot.Turns.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_ActivitiesWithoutId_AreNeverDeduplicated()
    {
        var message = Fixtures.Message(_connector.ServiceUrl, id: null);

        (await _host.PostAsync(message)).Dispose();
        (await _host.PostAsync(message)).Dispose();

        _host.Bot.Turns.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Post_BotThrows_Answers500ProblemAndAllowsTheRetry()
    {
        var calls = 0;
        _host.Bot.OnTurn = (_, _) => ++calls == 1 ? throw new InvalidOperationException("boom") : Task.CompletedTask;
        var message = Fixtures.Message(_connector.ServiceUrl);

        using var failed = await _host.PostAsync(message);
        using var retried = await _host.PostAsync(message);

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        failed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await failed.Content.ReadAsStringAsync()).ShouldNotContain("boom");
        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task Get_Answers405Problem()
    {
        using var response = await _host.Client.GetAsync("/api/messages");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Content.Headers.Allow.ShouldContain("POST");
    }

    [Fact]
    public async Task Post_MalformedJson_Answers400()
    {
        await AssertRejectedAsync(await _host.PostRawAsync("{\"type\": \"message\","), HttpStatusCode.BadRequest, "not a valid JSON activity");
    }

    [Fact]
    public async Task Post_JsonThatIsNotAnObject_Answers400()
    {
        await AssertRejectedAsync(await _host.PostRawAsync("[1, 2]"), HttpStatusCode.BadRequest, "not a valid JSON activity");
    }

    [Fact]
    public async Task Post_WrongContentType_Answers415()
    {
        var body = Fixtures.Message(_connector.ServiceUrl).ToJsonString();
        await AssertRejectedAsync(await _host.PostRawAsync(body, "text/plain"), HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    [Theory]
    [InlineData("type")]
    [InlineData("conversation")]
    [InlineData("serviceUrl")]
    [InlineData("channelId")]
    public async Task Post_MissingRequiredField_Answers400NamingIt(string field)
    {
        var message = Fixtures.Message(_connector.ServiceUrl);
        message.Remove(field);

        await AssertRejectedAsync(await _host.PostAsync(message), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Post_ServiceUrlNotHttp_Answers400()
    {
        var message = Fixtures.Message("file:///etc/passwd");
        await AssertRejectedAsync(await _host.PostAsync(message), HttpStatusCode.BadRequest, "serviceUrl");
    }

    [Fact]
    public async Task Post_OneMegabyteBody_Answers413()
    {
        var message = Fixtures.Message(_connector.ServiceUrl, text: new string('a', 1024 * 1024));
        await AssertRejectedAsync(await _host.PostAsync(message), HttpStatusCode.RequestEntityTooLarge, "exceeds");
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Answers413WithoutContentLength()
    {
        var message = Fixtures.Message(_connector.ServiceUrl, text: new string('a', 300 * 1024));
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.ToJsonString())));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await AssertRejectedAsync(await _host.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "exceeds");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_BodyLargerThanTheFirstReadBuffer_IsReadWhole(bool chunked)
    {
        // 100 KB, under the 256 KB limit: without Content-Length the buffer starts at 4 KB and has to grow. The bulk
        // is in the value (raw JSON), since text fields have their own, smaller cap.
        var text = string.Concat(Enumerable.Repeat("é0123456789", 100 * 1024 / 12));
        var message = Fixtures.Message(_connector.ServiceUrl);
        message["value"] = new JsonObject { ["notes"] = text };
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.ToJsonString())));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await _host.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Bot.Turns.Single().Activity.Value!.Value.GetProperty("notes").GetString().ShouldBe(text);
    }

    private async Task AssertRejectedAsync(HttpResponseMessage response, HttpStatusCode expected, string detailFragment)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(expected);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            problem["status"]!.GetValue<int>().ShouldBe((int)expected);
            problem["detail"]!.GetValue<string>().ShouldContain(detailFragment, Case.Insensitive);
            _host.Bot.Turns.ShouldBeEmpty();
            _connector.Requests.ShouldBeEmpty();
        }
    }
}
