using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.BotFramework.Hosting;

/// <summary>The real app in anonymous mode refuses what the edge refuses before the bot stores anything.</summary>
public sealed class UntrustedActivityAppTests : IAsyncDisposable
{
    private readonly RelanceBotFactory _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "conv-1")]
    [InlineData("http://10.1.2.3/", "conv-1")]
    [InlineData("https://attacker.example.com/", "conv-1")]
    [InlineData("https://smba.trafficmanager.net/emea/", "two-hundred-kilobytes")]
    public async Task RefusedActivity_Answers400_AndNothingIsStored(string serviceUrl, string conversationId)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "1",
            ["channelId"] = "webchat",
            ["serviceUrl"] = serviceUrl,
            ["conversation"] = new JsonObject { ["id"] = conversationId == "two-hundred-kilobytes" ? new string('c', 200 * 1024) : conversationId },
            ["from"] = new JsonObject { ["id"] = "user-1" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["text"] = "bonjour",
        };
        _app.StartServer();
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        (await db.ConversationReferences.CountAsync()).ShouldBe(0);
    }
}
