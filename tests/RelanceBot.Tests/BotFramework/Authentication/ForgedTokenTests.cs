using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.BotFramework.Authentication;

/// <summary>
/// Tokens forged with the real issuer and app id are refused with 401 by cheap checks before any metadata fetch, and a
/// failing or slow metadata endpoint costs one shared, bounded fetch, never a 500 nor a fetch per request.
/// </summary>
public sealed class ForgedTokenTests : IAsyncLifetime
{
    private const string AppId = "0f6a4a53-6a2b-4d0e-9a55-1a2b3c4d5e6f";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private LocalIdentityProvider _identity = null!;
    private FakeConnector _connector = null!;
    private SigningKey _publishedKey = null!;
    private SigningKey _attackerKey = null!;

    public async Task InitializeAsync()
    {
        _identity = await LocalIdentityProvider.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _publishedKey = _identity.CreateKey(publish: true, "msteams");
        _attackerKey = _identity.CreateKey(publish: false, "msteams");
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    public static TheoryData<string> Kinds() => new(["garbage", "alg none", "HS256", "RS256 unknown key", "RS256 stolen kid", "expired"]);

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ForgedToken_Answers401Problem(string kind)
    {
        await using var host = await StartBotAsync();

        using var response = await PostAsync(host, "Bearer", Token(kind));

        await AssertUnauthorizedAsync(response, host);
    }

    [Fact]
    public async Task LowercaseSchemeWithGarbageToken_Answers401()
    {
        await using var host = await StartBotAsync();

        using var response = await PostAsync(host, "bearer", ForgedTokens.Garbage);

        await AssertUnauthorizedAsync(response, host);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("alg none")]
    [InlineData("HS256")]
    [InlineData("expired")]
    [InlineData("wrong audience")]
    public async Task TokenRefusedByItsOwnContent_FetchesNoMetadata(string kind)
    {
        await using var host = await StartBotAsync();

        using var response = await PostAsync(host, "Bearer", Token(kind));

        await AssertUnauthorizedAsync(response, host);
        _identity.MetadataRequests.ShouldBe(0);
    }

    [Fact]
    public async Task MetadataEndpointFailing_EveryRequestGets401_AndTheFailureIsCached()
    {
        _identity.MetadataFailureStatus = StatusCodes.Status500InternalServerError;
        await using var host = await StartBotAsync();

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostAsync(host, "Bearer", Token("RS256 unknown key"))));
        var sequential = new List<HttpResponseMessage>();
        for (var i = 0; i < 50; i++)
        {
            sequential.Add(await PostAsync(host, "Bearer", Token(i % 2 == 0 ? "RS256 unknown key" : "valid")));
        }

        foreach (var response in concurrent.Concat(sequential))
        {
            await AssertUnauthorizedAsync(response, host);
            response.Dispose();
        }

        // One shared fetch for the 50 concurrent requests; then the back-off answers without fetching.
        _identity.MetadataRequests.ShouldBe(1);
    }

    [Fact]
    public async Task MetadataEndpointSlow_RequestsGet401WithinTheFetchTimeout()
    {
        _identity.MetadataDelay = TimeSpan.FromSeconds(30);
        await using var host = await StartBotAsync();
        var stopwatch = Stopwatch.StartNew();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(host, "Bearer", Token("RS256 unknown key"))));
        var firstWave = stopwatch.Elapsed;
        stopwatch.Restart();
        using var afterwards = await PostAsync(host, "Bearer", Token("valid"));

        foreach (var response in responses.Append(afterwards))
        {
            await AssertUnauthorizedAsync(response, host);
        }

        firstWave.ShouldBeLessThan(TimeSpan.FromSeconds(5), "the 1 s fetch timeout bounds the wait");
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "the cached failure answers at once");
        _identity.MetadataRequests.ShouldBe(1);
    }

    [Fact]
    public async Task MetadataEndpointDown_Answers401()
    {
        await using var host = await StartBotAsync(ClosedPortMetadataUrl());

        using var response = await PostAsync(host, "Bearer", Token("valid"));

        await AssertUnauthorizedAsync(response, host);
    }

    [Fact]
    public async Task MetadataBackAfterTheBackOff_ValidTokensAreAcceptedAgain()
    {
        _identity.MetadataFailureStatus = StatusCodes.Status503ServiceUnavailable;
        await using var host = await StartBotAsync();
        using (var duringOutage = await PostAsync(host, "Bearer", Token("valid")))
        {
            await AssertUnauthorizedAsync(duringOutage, host);
        }

        _identity.MetadataFailureStatus = null;
        using (var stillBackingOff = await PostAsync(host, "Bearer", Token("valid")))
        {
            await AssertUnauthorizedAsync(stillBackingOff, host);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        using var recovered = await PostAsync(host, "Bearer", Token("valid"));

        recovered.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Bot.Turns.ShouldHaveSingleItem();
    }

    private string Token(string kind) => kind switch
    {
        "valid" => LocalIdentityProvider.CreateChannelToken(_publishedKey, AppId, _connector.ServiceUrl),
        "wrong audience" => LocalIdentityProvider.CreateChannelToken(_publishedKey, "another-bot", _connector.ServiceUrl),
        _ => ForgedTokens.Mix(_attackerKey, _publishedKey.Key.KeyId!, AppId, _connector.ServiceUrl).Single(token => token.Kind == kind).Token,
    };

    private Task<BotTestHost> StartBotAsync(string? channelMetadataUrl = null) =>
        BotTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "test-secret",
                ["BotFramework:ChannelOpenIdMetadataUrl"] = channelMetadataUrl ?? _identity.ChannelMetadataUrl,
                ["BotFramework:EntraOpenIdMetadataUrlTemplate"] = _identity.EntraMetadataUrlTemplate,
                ["BotFramework:RequireHttpsMetadata"] = "false",
                ["BotFramework:MetadataFetchTimeout"] = "00:00:01",
            },
            services => services.AddSingleton<TimeProvider>(_clock));

    private Task<HttpResponseMessage> PostAsync(BotTestHost host, string scheme, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Fixtures.Message(_connector.ServiceUrl, id: Guid.NewGuid().ToString("N")).ToJsonString(),
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        return host.Client.SendAsync(request);
    }

    private async Task AssertUnauthorizedAsync(HttpResponseMessage response, BotTestHost host)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<int>().ShouldBe(401);
        host.Bot.Turns.ShouldBeEmpty();
        _connector.Requests.ShouldBeEmpty();
    }

    private static string ClosedPortMetadataUrl()
    {
        return $"http://127.0.0.1:{LoopbackPorts.Free()}/v1/.well-known/openidconfiguration";
    }
}
