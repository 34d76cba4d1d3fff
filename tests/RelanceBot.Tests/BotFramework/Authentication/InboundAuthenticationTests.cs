using System.Net;
using System.Text.Json.Nodes;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using Shouldly;

namespace RelanceBot.Tests.BotFramework.Authentication;

public sealed class InboundAuthenticationTests : IAsyncLifetime
{
    private const string AppId = "0f6a4a53-6a2b-4d0e-9a55-1a2b3c4d5e6f";
    private const string TenantId = "11111111-2222-3333-4444-555555555555";

    private LocalIdentityProvider _identity = null!;
    private FakeConnector _connector = null!;
    private BotTestHost _host = null!;
    private SigningKey _teamsKey = null!;

    public async Task InitializeAsync()
    {
        _identity = await LocalIdentityProvider.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _teamsKey = _identity.CreateKey(publish: true, "msteams", "webchat");
        _host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-secret",
            ["MicrosoftAppTenantId"] = TenantId,
            ["BotFramework:ChannelOpenIdMetadataUrl"] = _identity.ChannelMetadataUrl,
            ["BotFramework:EntraOpenIdMetadataUrlTemplate"] = _identity.EntraMetadataUrlTemplate,
            ["BotFramework:RequireHttpsMetadata"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private JsonObject Message => Fixtures.Message(_connector.ServiceUrl);

    [Fact]
    public async Task ValidChannelToken_RunsTheTurn()
    {
        using var response = await _host.PostAsync(Message, LocalIdentityProvider.CreateChannelToken(_teamsKey, AppId, _connector.ServiceUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var turn = _host.Bot.Turns.ShouldHaveSingleItem();
        turn.Caller.IsAnonymous.ShouldBeFalse();
        turn.Caller.Claims.FindFirst("serviceurl")!.Value.ShouldBe(_connector.ServiceUrl);
    }

    [Fact]
    public async Task ServiceUrlClaimComparison_IgnoresCase()
    {
        var token = LocalIdentityProvider.CreateChannelToken(_teamsKey, AppId, _connector.ServiceUrl.ToUpperInvariant());

        using var response = await _host.PostAsync(Message, token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NoToken_Answers401()
    {
        await AssertRejectedAsync(null, HttpStatusCode.Unauthorized, "Bearer");
    }

    [Fact]
    public async Task GarbageToken_Answers401()
    {
        await AssertRejectedAsync("not-a-jwt", HttpStatusCode.Unauthorized, "well-formed");
    }

    [Fact]
    public async Task ExpiredToken_Answers401()
    {
        // Beyond the 5-minute clock skew.
        var token = LocalIdentityProvider.CreateChannelToken(_teamsKey, AppId, _connector.ServiceUrl, DateTime.UtcNow.AddMinutes(-6));
        await AssertRejectedAsync(token, HttpStatusCode.Unauthorized, "expired");
    }

    [Fact]
    public async Task UnknownSigningKey_Answers401()
    {
        var unpublished = _identity.CreateKey(publish: false, "msteams");
        await AssertRejectedAsync(
            LocalIdentityProvider.CreateChannelToken(unpublished, AppId, _connector.ServiceUrl), HttpStatusCode.Unauthorized, "unknown key");
    }

    [Fact]
    public async Task WrongAudience_Answers401()
    {
        await AssertRejectedAsync(
            LocalIdentityProvider.CreateChannelToken(_teamsKey, "someone-else", _connector.ServiceUrl), HttpStatusCode.Unauthorized, "audience");
    }

    [Fact]
    public async Task WrongIssuer_Answers401()
    {
        var token = LocalIdentityProvider.CreateToken(
            _teamsKey, "https://evil.example.com", AppId, new Dictionary<string, object> { ["serviceurl"] = _connector.ServiceUrl });
        await AssertRejectedAsync(token, HttpStatusCode.Unauthorized, "issuer");
    }

    [Fact]
    public async Task ServiceUrlDifferentFromClaim_Answers401()
    {
        var token = LocalIdentityProvider.CreateChannelToken(_teamsKey, AppId, "https://smba.trafficmanager.net/emea/");
        await AssertRejectedAsync(token, HttpStatusCode.Unauthorized, "serviceurl");
    }

    [Fact]
    public async Task ChannelTokenWithoutServiceUrlClaim_Answers401()
    {
        var token = LocalIdentityProvider.CreateToken(_teamsKey, LocalIdentityProvider.ChannelIssuer, AppId, new Dictionary<string, object>());
        await AssertRejectedAsync(token, HttpStatusCode.Unauthorized, "serviceurl");
    }

    [Fact]
    public async Task KeyNotEndorsedForTheChannel_Answers403()
    {
        var smsOnly = _identity.CreateKey(publish: true, "sms");
        await AssertRejectedAsync(
            LocalIdentityProvider.CreateChannelToken(smsOnly, AppId, _connector.ServiceUrl), HttpStatusCode.Forbidden, "endorsed");
    }

    [Fact]
    public async Task KeyPublishedAfterRotation_RefreshesMetadataAndAccepts()
    {
        (await _host.PostAsync(Fixtures.Message(_connector.ServiceUrl, id: "warm-up"),
            LocalIdentityProvider.CreateChannelToken(_teamsKey, AppId, _connector.ServiceUrl))).Dispose();
        var metadataFetches = _identity.MetadataRequests;
        var rotated = _identity.CreateKey(publish: true, "msteams");

        using var response = await _host.PostAsync(Message, LocalIdentityProvider.CreateChannelToken(rotated, AppId, _connector.ServiceUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _identity.MetadataRequests.ShouldBeGreaterThan(metadataFetches);
    }

    [Fact]
    public async Task EntraTokenFromOwnTenant_IsAcceptedWithoutEndorsement()
    {
        var entraKey = _identity.CreateKey(publish: true);
        var token = LocalIdentityProvider.CreateToken(entraKey, $"https://login.microsoftonline.com/{TenantId}/v2.0", AppId,
            new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = AppId, ["tid"] = TenantId });

        using var response = await _host.PostAsync(Message, token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Bot.Turns.ShouldHaveSingleItem().Caller.CallerAppId.ShouldBe(AppId);
    }

    [Fact]
    public async Task EntraTokenFromUnknownCaller_Answers401()
    {
        var entraKey = _identity.CreateKey(publish: true);
        var token = LocalIdentityProvider.CreateToken(entraKey, $"https://sts.windows.net/{TenantId}/", AppId,
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = "another-app", ["tid"] = TenantId });

        await AssertRejectedAsync(token, HttpStatusCode.Unauthorized, "caller");
    }

    private async Task AssertRejectedAsync(string? token, HttpStatusCode expected, string detailFragment)
    {
        using var response = await _host.PostAsync(Message, token);

        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().ShouldContain(detailFragment, Case.Insensitive);
        _host.Bot.Turns.ShouldBeEmpty();
        _connector.Requests.ShouldBeEmpty();
    }
}
