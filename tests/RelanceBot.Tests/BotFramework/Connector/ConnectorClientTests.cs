using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RelanceBot.BotFramework;
using RelanceBot.BotFramework.Authentication;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using Shouldly;

namespace RelanceBot.Tests.BotFramework.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string AppId = "0f6a4a53-6a2b-4d0e-9a55-1a2b3c4d5e6f";
    private const string TenantId = "11111111-2222-3333-4444-555555555555";
    private const string ConversationId = "a:1pL6i0;messageid=42@thread.v2";

    private readonly FakeTimeProvider _time = new();
    private LocalIdentityProvider _identity = null!;
    private FakeConnector _connector = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _identity = await LocalIdentityProvider.StartAsync();
        _connector = await FakeConnector.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-secret",
            ["MicrosoftAppTenantId"] = TenantId,
            ["BotFramework:OAuthAuthorityHost"] = _identity.HttpsAddress.AbsoluteUri,
            ["BotFramework:AdditionalTrustedServiceUrlHosts:0"] = "127.0.0.1",
            ["BotFramework:ConnectorRetryBaseDelay"] = "00:00:00.001",
        });
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddBotFramework();
        var certificate = _identity.Certificate;
        builder.Services.AddHttpClient(MsalHttpClientFactory.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                // Trust exactly the test token endpoint's self-signed certificate.
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            });
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private IConnectorClient Client => _host.Services.GetRequiredService<IConnectorClient>();

    private static Activity Reply => new() { Type = ActivityTypes.Message, Text = "Bonjour" };

    [Fact]
    public async Task SendToConversation_SendsTheMsalTokenAndEncodesTheConversationId()
    {
        var response = await Client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Reply, CancellationToken.None);

        response.Id.ShouldBe("sent-1");
        var request = _connector.Requests.ShouldHaveSingleItem();
        request.RawTarget.ShouldBe("/emea/v3/conversations/a%3A1pL6i0%3Bmessageid%3D42%40thread.v2/activities");
        request.Authorization.ShouldBe($"Bearer connector-token-for-{AppId}-scope-https://api.botframework.com/.default");
        request.Body!["text"]!.GetValue<string>().ShouldBe("Bonjour");
    }

    [Fact]
    public async Task TwoCalls_HitTheTokenEndpointOnce()
    {
        await Client.ReplyToActivityAsync(_connector.ServiceUrl, ConversationId, "1485983408511", Reply, CancellationToken.None);
        await Client.UpdateActivityAsync(_connector.ServiceUrl, ConversationId, "sent-1", Reply, CancellationToken.None);

        _identity.TokenRequests.ShouldBe(1);
        _connector.Requests.Select(r => r.Method).ShouldBe(["POST", "PUT"]);
        _connector.Requests.ShouldAllBe(r => r.Authorization.StartsWith("Bearer ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UntrustedServiceUrl_ThrowsBeforeAnyRequest()
    {
        var exception = await Should.ThrowAsync<UntrustedServiceUrlException>(
            () => Client.SendToConversationAsync("https://attacker.example.net/", ConversationId, Reply, CancellationToken.None));

        exception.ServiceUrl.ShouldBe("https://attacker.example.net/");
        _identity.TokenRequests.ShouldBe(0);
    }

    [Fact]
    public async Task LookalikeTrafficManagerHost_IsNotTrusted()
    {
        await Should.ThrowAsync<UntrustedServiceUrlException>(
            () => Client.SendToConversationAsync("https://evil.trafficmanager.net/", ConversationId, Reply, CancellationToken.None));
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterRetryAfter()
    {
        _connector.Enqueue(429, """{"error":{"code":"Throttled","message":"slow down"}}""", ("Retry-After", "2"));

        var send = Client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Reply, CancellationToken.None);
        var waited = await AdvanceUntilAsync(() => _connector.Requests.Count == 2);
        var response = await send;

        waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));

        response.Id.ShouldBe("sent-1");
        _connector.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task BadRequest_IsNotRetried()
    {
        _connector.Enqueue(400, """{"error":{"code":"BadArgument","message":"Unknown activity type"}}""");

        var exception = await Should.ThrowAsync<ConnectorException>(
            () => Client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Reply, CancellationToken.None));

        exception.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        exception.ErrorCode.ShouldBe("BadArgument");
        exception.IsPermanent.ShouldBeFalse();
        _connector.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TeamsMessageWritesBlocked_IsAPermanentFailureWithItsCode()
    {
        _connector.Enqueue(403, Fixtures.Read("teams-connector-403-messagewritesblocked-body.json"), ("X-Correlating-OperationId", "op-7"));

        var exception = await Should.ThrowAsync<ConnectorException>(
            () => Client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Reply, CancellationToken.None));

        exception.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        exception.ErrorCode.ShouldBe("MessageWritesBlocked");
        exception.ErrorMessage.ShouldBe("Thread is blocked from message writes.");
        exception.CorrelationId.ShouldBe("op-7");
        exception.IsPermanent.ShouldBeTrue();
        _connector.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task CreateConversation_PostsParametersAndReadsTheResponse()
    {
        _connector.Enqueue(201, Fixtures.Read("teams-create-conversation-1to1-response.json"));
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = TenantId,
        };

        var created = await Client.CreateConversationAsync(_connector.ServiceUrl, parameters, CancellationToken.None);

        created.Id.ShouldStartWith("a:1qhNLqpUtmuI6U35gzjsJn7uRnCkW8NiZALHfN8AMxdbprS1uta2aT");
        var request = _connector.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/emea/v3/conversations");
        request.Body!["members"]![0]!["id"]!.GetValue<string>().ShouldBe("29:user");
        request.Body["activity"].ShouldBeNull();
    }

    [Fact]
    public async Task DeleteAndMembers_UseTheDocumentedRoutes()
    {
        await Client.DeleteActivityAsync(_connector.ServiceUrl, ConversationId, "sent-9", CancellationToken.None);
        _connector.Enqueue(200, """[{"id":"29:user","name":"Megan","email":"megan@contoso.com"}]""");
        var members = await Client.GetConversationMembersAsync(_connector.ServiceUrl, ConversationId, CancellationToken.None);

        members.ShouldHaveSingleItem().Properties!["email"].GetString().ShouldBe("megan@contoso.com");
        _connector.Requests.Select(r => (r.Method, r.Path)).ShouldBe(
        [
            ("DELETE", $"/emea/v3/conversations/{ConversationId}/activities/sent-9"),
            ("GET", $"/emea/v3/conversations/{ConversationId}/members"),
        ]);
    }

    /// <summary>Moves fake time forward in small steps until the condition holds; returns how much time passed.</summary>
    private async Task<TimeSpan> AdvanceUntilAsync(Func<bool> condition)
    {
        var step = TimeSpan.FromMilliseconds(100);
        var advanced = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            timeout.Token.ThrowIfCancellationRequested();
            _time.Advance(step);
            advanced += step;
            await Task.Yield();
        }

        return advanced;
    }
}
