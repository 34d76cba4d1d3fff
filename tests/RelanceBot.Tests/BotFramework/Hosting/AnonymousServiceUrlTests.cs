using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Tests.BotFramework.TestInfrastructure;

namespace RelanceBot.Tests.BotFramework.Hosting;

/// <summary>
/// Anonymous mode (no app id) talks only to loopback Connectors, or to the serviceUrls an operator listed in
/// <c>BotFramework:AnonymousServiceUrls</c>: anything else is refused at the edge before the bot runs.
/// </summary>
public sealed class AnonymousServiceUrlTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://192.168.1.1:8080/api/")]
    [InlineData("https://example.com/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://127.0.0.1.example.com/")]
    public async Task NonLoopbackServiceUrl_Answers400BeforeTheBotRuns(string serviceUrl)
    {
        await using var host = await BotTestHost.StartAsync();

        using var response = await host.PostAsync(Fixtures.Message(serviceUrl));

        await AssertRefusedAsync(response, host);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task LoopbackServiceUrl_RunsTheTurn(string host)
    {
        await using var bot = await BotTestHost.StartAsync();
        var port = new Uri(_connector.ServiceUrl).Port;

        using var response = await bot.PostAsync(Fixtures.Message($"http://{host}:{port}/emea/"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        bot.Bot.Turns.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://SMBA.trafficmanager.net/emea/v3/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net/emeax/", false)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/emea/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/emea/", false)]
    public async Task AllowListedServiceUrl_IsAcceptedOnlyUnderTheListedPrefix(string serviceUrl, bool accepted)
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["BotFramework:AllowAnonymous"] = "true",
            ["BotFramework:AnonymousServiceUrls:0"] = "https://smba.trafficmanager.net/emea",
        });

        using var response = await host.PostAsync(Fixtures.Message(serviceUrl));

        if (accepted)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            host.Bot.Turns.ShouldHaveSingleItem();
        }
        else
        {
            await AssertRefusedAsync(response, host);
        }
    }

    [Fact]
    public async Task Connector_InAnonymousMode_RefusesANonLoopbackServiceUrlBeforeAnyRequest()
    {
        // A proactive send reads serviceUrls from storage, possibly stored before this rule existed.
        await using var host = await BotTestHost.StartAsync();
        var connector = host.App.Services.GetRequiredService<IConnectorClient>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        var exception = await Should.ThrowAsync<UntrustedServiceUrlException>(() => connector.SendToConversationAsync(
            "http://10.255.255.1/", "a:1", new Activity { Type = ActivityTypes.Message, Text = "x" }, timeout.Token));

        exception.Message.ShouldContain("BotFramework:AnonymousServiceUrls");
    }

    [Fact]
    public async Task Connector_InAnonymousMode_SendsToALoopbackServiceUrl()
    {
        await using var host = await BotTestHost.StartAsync();
        var connector = host.App.Services.GetRequiredService<IConnectorClient>();

        await connector.SendToConversationAsync(
            _connector.ServiceUrl, "a:1", new Activity { Type = ActivityTypes.Message, Text = "x" }, CancellationToken.None);

        _connector.Requests.ShouldHaveSingleItem().Authorization.ShouldBeEmpty();
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, BotTestHost host)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["detail"]!.GetValue<string>().ShouldContain("BotFramework:AnonymousServiceUrls");
        problem["errors"]!["serviceUrl"].ShouldNotBeNull();
        host.Bot.Turns.ShouldBeEmpty();
        _connector.Requests.ShouldBeEmpty();
    }
}
