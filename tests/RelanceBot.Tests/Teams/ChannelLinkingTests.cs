using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Teams;

public sealed class ChannelLinkingTests : TeamsChannelTest
{
    [Fact]
    public async Task LinkCode_FromTheApi_Is128RandomBitsStoredOnlyAsAHash()
    {
        var code = await Practice.IssueLinkCodeAsync(App);

        code.ShouldMatch("^rbt-[0-9a-f]{32}$");
        var stored = await TeamsPractice.QueryAsync(App, db => db.TeamsLinkCodes.SingleAsync());
        stored.CodeHash.ShouldNotContain(code[4..]);
        stored.ExpiresAt.ShouldBe(RelanceBotFactory.Start.AddHours(24));
    }

    [Fact]
    public async Task Link_ByAStaffMember_StoresTheChannelAndSaysSo()
    {
        var reply = await Channel.SayAsync(Practice.AssistantAad, $"link {await Practice.IssueLinkCodeAsync(App)}");

        reply.ShouldContain("Cabinet Dupont");
        var channel = await TeamsPractice.QueryAsync(App, db =>
            db.Practices.Where(p => p.Id == Practice.Id)
                .Join(db.ConversationReferences, p => p.TeamsAlertChannelReferenceId, r => (Guid?)r.Id, (p, r) => r)
                .SingleAsync());
        channel.ConversationId.ShouldBe(Channel.ChannelId);
        channel.ServiceUrl.ShouldBe(Connector.ServiceUrl);
    }

    [Fact]
    public async Task Link_BySomeoneWhoIsNotStaff_IsRefused_AndTheCodeStaysUsable()
    {
        var code = await Practice.IssueLinkCodeAsync(App);

        (await Channel.SayAsync(Guid.NewGuid().ToString(), $"link {code}")).ShouldContain("pas enregistré");
        (await LinkedChannelAsync()).ShouldBeNull();

        (await Channel.SayAsync(Practice.PractitionerAad, $"link {code}")).ShouldContain("reçoit désormais");
    }

    [Fact]
    public async Task Link_WithAUsedOrExpiredCode_IsRefused()
    {
        var code = await Practice.IssueLinkCodeAsync(App);
        await Channel.SayAsync(Practice.AssistantAad, $"link {code}");
        var other = new TeamsStaffChannel(App, Connector, "19:other@thread.tacv2");

        (await other.SayAsync(Practice.AssistantAad, $"link {code}")).ShouldContain("invalide");

        var late = await Practice.IssueLinkCodeAsync(App);
        App.Clock.Advance(TimeSpan.FromHours(25));
        (await other.SayAsync(Practice.AssistantAad, $"link {late}")).ShouldContain("invalide");
        (await LinkedChannelAsync()).ShouldBe(Channel.ChannelId);
    }

    [Fact]
    public async Task Unlink_StopsTheAlerts_AndRelinkingElsewhereWorks()
    {
        await Practice.LinkAsync(App, Channel);

        (await Channel.SayAsync(Practice.AssistantAad, "unlink")).ShouldContain("ne reçoit plus");
        (await LinkedChannelAsync()).ShouldBeNull();

        var other = new TeamsStaffChannel(App, Connector, "19:other@thread.tacv2");
        await Practice.LinkAsync(App, other);
        (await LinkedChannelAsync()).ShouldBe(other.ChannelId);
    }

    [Fact]
    public async Task AChannelLinkedToOnePractice_CannotBeTakenByAnother()
    {
        await Practice.LinkAsync(App, Channel);
        var second = await TeamsPractice.CreateAsync(App, "Cabinet Martin");

        (await Channel.SayAsync(second.AssistantAad, $"link {await second.IssueLinkCodeAsync(App)}")).ShouldContain("autre cabinet");
    }

    [Fact]
    public async Task AddingTheBotToATeam_ExplainsHowToLinkTheChannel()
    {
        (await Channel.AddBotToTeamAsync(Practice.AssistantAad)).ShouldContain("link");

        (await LinkedChannelAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task AnythingElse_GetsTheHelp()
        => (await Channel.SayAsync(Practice.AssistantAad, "bonjour")).ShouldContain("link");

    [Fact]
    public async Task RegisteringStaff_WithBadInput_IsAProblemDetails400()
    {
        using var api = App.CreateApiClient(Practice.Practice.ApiKey);

        using var response = await api.PostAsJsonAsync("/api/v1/teams/staff", new { name = "", aadObjectId = "not an id!", role = "Boss" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["name", "aadObjectId", "role"], ignoreOrder: true);
    }

    private Task<string?> LinkedChannelAsync() => TeamsPractice.QueryAsync(App, db =>
        db.Practices.Where(p => p.Id == Practice.Id)
            .Select(p => db.ConversationReferences.Where(r => r.Id == p.TeamsAlertChannelReferenceId).Select(r => r.ConversationId).FirstOrDefault())
            .SingleAsync());
}
