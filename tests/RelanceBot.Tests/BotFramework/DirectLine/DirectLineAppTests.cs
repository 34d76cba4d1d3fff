using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.BotFramework.DirectLine;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.BotFramework.DirectLine;

/// <summary>The whole app behind its built-in Direct Line endpoint: the patient bot greets and answers, no Connector involved.</summary>
public sealed class DirectLineAppTests
{
    [Fact]
    public async Task ThePatientBot_GreetsAtStart_AndAnswersBonjour_ThroughTheBuiltInEndpoint()
    {
        await using var app = new RelanceBotFactory();
        var client = new DirectLineClient(app.CreateClient());
        var grant = await app.Services.GetRequiredService<DirectLineConversations>()
            .CreateAsync(new DirectLineUser("patient-1", "Jeanne"), "binding-1", CancellationToken.None);

        using var started = await client.StartAsync(grant.Token, new() { ["locale"] = "fr-FR" });
        (await DirectLineClient.BodyAsync(started, HttpStatusCode.Created)).ShouldNotBeNull();
        var greeting = await client.ReadAsync(grant.Token, grant.ConversationId);
        using var posted = await client.SayAsync(grant.Token, grant.ConversationId, "bonjour");
        var postedId = (await DirectLineClient.BodyAsync(posted, HttpStatusCode.OK))["id"]!.GetValue<string>();
        var replies = await client.ReadAsync(grant.Token, grant.ConversationId, greeting["watermark"]!.GetValue<string>());

        greeting["activities"]!.AsArray().First()!["text"]!.GetValue<string>().ShouldContain("assistant automatique");
        var answer = replies["activities"]!.AsArray().Skip(1).ShouldHaveSingleItem()!;
        answer["replyToId"]!.GetValue<string>().ShouldBe(postedId);
        answer["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        answer["from"]!["role"]!.GetValue<string>().ShouldBe("bot");
    }

    [Fact]
    public async Task DisabledByConfiguration_TheRoutesAreNotThere()
    {
        await using var app = new RelanceBotFactory();
        app.Settings["DirectLine:Enabled"] = "false";
        var client = new DirectLineClient(app.CreateClient());

        using var response = await client.StartAsync("any");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
