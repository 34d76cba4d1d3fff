using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Teams;

public sealed class ChannelLinkingTests : IAsyncLifetime
{
    private readonly RelanceBotFactory _app = TeamsPractice.WithoutBackgroundOutbox();
    private FakeConnector _connector = null!;
    private TeamsStaffChannel _channel = null!;
    private TeamsPractice _practice = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _channel = new TeamsStaffChannel(_app, _connector);
        _practice = await TeamsPractice.CreateAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task LinkCode_FromTheApi_Is128RandomBitsStoredOnlyAsAHash()
    {
        var code = await _practice.IssueLinkCodeAsync(_app);

        code.ShouldMatch("^rbt-[0-9a-f]{32}$");
        var stored = await TeamsPractice.QueryAsync(_app, db => db.TeamsLinkCodes.SingleAsync());
        stored.CodeHash.ShouldNotContain(code[4..]);
        stored.ExpiresAt.ShouldBe(RelanceBotFactory.Start.AddHours(24));
    }

    [Fact]
    public async Task Link_ByAStaffMember_StoresTheChannelAndSaysSo()
    {
        var reply = await _channel.SayAsync(_practice.AssistantAad, $"link {await _practice.IssueLinkCodeAsync(_app)}");

        reply.ShouldContain("Cabinet Dupont");
        var channel = await TeamsPractice.QueryAsync(_app, db =>
            db.Practices.Where(p => p.Id == _practice.Id)
                .Join(db.ConversationReferences, p => p.TeamsAlertChannelReferenceId, r => (Guid?)r.Id, (p, r) => r)
                .SingleAsync());
        channel.ConversationId.ShouldBe(_channel.ChannelId);
        channel.ServiceUrl.ShouldBe(_connector.ServiceUrl);
    }

    [Fact]
    public async Task Link_BySomeoneWhoIsNotStaff_IsRefused_AndTheCodeStaysUsable()
    {
        var code = await _practice.IssueLinkCodeAsync(_app);

        (await _channel.SayAsync(Guid.NewGuid().ToString(), $"link {code}")).ShouldContain("pas enregistré");
        (await LinkedChannelAsync()).ShouldBeNull();

        (await _channel.SayAsync(_practice.PractitionerAad, $"link {code}")).ShouldContain("reçoit désormais");
    }

    [Fact]
    public async Task Link_WithAUsedOrExpiredCode_IsRefused()
    {
        var code = await _practice.IssueLinkCodeAsync(_app);
        await _channel.SayAsync(_practice.AssistantAad, $"link {code}");
        var other = new TeamsStaffChannel(_app, _connector, "19:other@thread.tacv2");

        (await other.SayAsync(_practice.AssistantAad, $"link {code}")).ShouldContain("invalide");

        var late = await _practice.IssueLinkCodeAsync(_app);
        _app.Clock.Advance(TimeSpan.FromHours(25));
        (await other.SayAsync(_practice.AssistantAad, $"link {late}")).ShouldContain("invalide");
        (await LinkedChannelAsync()).ShouldBe(_channel.ChannelId);
    }

    [Fact]
    public async Task Unlink_StopsTheAlerts_AndRelinkingElsewhereWorks()
    {
        await _practice.LinkAsync(_app, _channel);

        (await _channel.SayAsync(_practice.AssistantAad, "unlink")).ShouldContain("ne reçoit plus");
        (await LinkedChannelAsync()).ShouldBeNull();

        var other = new TeamsStaffChannel(_app, _connector, "19:other@thread.tacv2");
        await _practice.LinkAsync(_app, other);
        (await LinkedChannelAsync()).ShouldBe(other.ChannelId);
    }

    [Fact]
    public async Task AChannelLinkedToOnePractice_CannotBeTakenByAnother()
    {
        await _practice.LinkAsync(_app, _channel);
        var second = await TeamsPractice.CreateAsync(_app, "Cabinet Martin");

        (await _channel.SayAsync(second.AssistantAad, $"link {await second.IssueLinkCodeAsync(_app)}")).ShouldContain("autre cabinet");
    }

    [Fact]
    public async Task AddingTheBotToATeam_ExplainsHowToLinkTheChannel()
    {
        (await _channel.AddBotToTeamAsync(_practice.AssistantAad)).ShouldContain("link");

        (await LinkedChannelAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task AnythingElse_GetsTheHelp()
        => (await _channel.SayAsync(_practice.AssistantAad, "bonjour")).ShouldContain("link");

    [Fact]
    public async Task RegisteringStaff_WithBadInput_IsAProblemDetails400()
    {
        using var api = _app.CreateApiClient(_practice.Practice.ApiKey);

        using var response = await api.PostAsJsonAsync("/api/v1/teams/staff", new { name = "", aadObjectId = "not an id!", role = "Boss" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["name", "aadObjectId", "role"], ignoreOrder: true);
    }

    private Task<string?> LinkedChannelAsync() => TeamsPractice.QueryAsync(_app, db =>
        db.Practices.Where(p => p.Id == _practice.Id)
            .Select(p => db.ConversationReferences.Where(r => r.Id == p.TeamsAlertChannelReferenceId).Select(r => r.ConversationId).FirstOrDefault())
            .SingleAsync());
}
