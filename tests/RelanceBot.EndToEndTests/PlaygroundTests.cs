using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Persistence;

namespace RelanceBot.EndToEndTests;

/// <summary>
/// The bot against a real client written by others: the Microsoft 365 Agents Playground emulating Teams and Web Chat
/// and mocking the Bot Connector, driven through the same HTTP routes and websocket as its web UI.
/// </summary>
public sealed class PlaygroundTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("msteams")]
    [InlineData("webchat")]
    public async Task InstallingTheApp_ShowsTheGreetingInThePlayground(string channelId)
    {
        await using var bot = new BotApp();
        await using var playground = await Playground.StartAsync(bot.MessagesEndpoint, channelId);

        await playground.InstallAsync(await playground.PersonalChatIdAsync());

        // The install event carries no locale: the bot speaks French, its default.
        var greeting = await playground.NextBotMessageAsync(Patience);
        greeting["text"]!.GetValue<string>().ShouldContain("assistant automatique");
    }

    [Fact]
    public async Task ATypedMessage_IsAnsweredInThePlayground()
    {
        await using var bot = new BotApp();
        await using var playground = await Playground.StartAsync(bot.MessagesEndpoint, "msteams");
        var chat = await playground.PersonalChatIdAsync();

        await playground.SayAsync(chat, "hello, how much do I owe?");

        // The playground sends no conversationUpdate first here: the bot introduces itself on the first message.
        var disclosure = await playground.NextBotMessageAsync(Patience);
        disclosure["text"]!.GetValue<string>().ShouldContain("automated assistant");
        var help = await playground.NextBotMessageAsync(Patience);
        help["text"]!.GetValue<string>().ShouldContain("rb-");
    }

    [Fact]
    public async Task AFrenchClient_IsAnsweredInFrench()
    {
        await using var bot = new BotApp();
        await using var playground = await Playground.StartAsync(bot.MessagesEndpoint, "msteams");
        var config = (await playground.TestConfigAsync())["config"]!;
        var chat = config["personalChat"]!["id"]!.GetValue<string>();

        // The playground's own message route always says en-US; a custom activity carries the locale we choose.
        await playground.SendCustomActivityAsync(new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["text"] = "Bonjour",
            ["locale"] = "fr-FR",
            ["channelId"] = "msteams",
            ["serviceUrl"] = playground.ConnectorUrl.AbsoluteUri,
            ["from"] = new JsonObject { ["id"] = config["currentUser"]!["id"]!.DeepClone(), ["name"] = config["currentUser"]!["name"]!.DeepClone() },
            ["recipient"] = new JsonObject { ["id"] = config["bot"]!["id"]!.DeepClone(), ["name"] = config["bot"]!["name"]!.DeepClone() },
            ["conversation"] = new JsonObject { ["id"] = chat, ["conversationType"] = "personal", ["tenantId"] = config["tenantId"]!.DeepClone() },
        });

        var reply = await playground.NextBotMessageAsync(Patience);
        reply["text"]!.GetValue<string>().ShouldContain("assistant automatique");
    }

    [Fact]
    public async Task AProactiveMessage_ToAStoredConversationReference_AppearsInThePlayground()
    {
        await using var bot = new BotApp();
        await using var playground = await Playground.StartAsync(bot.MessagesEndpoint, "msteams");
        var chat = await playground.PersonalChatIdAsync();
        await playground.InstallAsync(chat);
        await playground.NextBotMessageAsync(Patience);

        // Later, outside any turn: the bot writes first from what it stored.
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().ConversationReferences
                .SingleAsync(r => r.ConversationId == chat);
            var reference = JsonSerializer.Deserialize<ConversationReference>(stored.ReferenceJson, BotFrameworkJson.Options)!;
            var connector = scope.ServiceProvider.GetRequiredService<IConnectorClient>();
            await connector.SendToConversationAsync(
                reference.ServiceUrl!, reference.Conversation!.Id!, reference.CreateMessageActivity("Rappel : un règlement vous attend."),
                CancellationToken.None);
        }

        var proactive = await playground.NextBotMessageAsync(Patience);
        proactive["text"]!.GetValue<string>().ShouldBe("Rappel : un règlement vous attend.");
    }
}
