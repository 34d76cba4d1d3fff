using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Conversations;

/// <summary>Whatever is wrong with an inbound activity, the real app answers 4xx problem+json and stores nothing.</summary>
public sealed class RejectedActivityTests : IAsyncLifetime
{
    private const string Valid = """{"type":"message","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"a:1"},"from":{"id":"u"},"recipient":{"id":"b"},"text":"hi"}""";

    private readonly RelanceBotFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, string, HttpStatusCode> BadRequests => new()
    {
        { "malformed JSON", "application/json", """{"type":"message",""", HttpStatusCode.BadRequest },
        { "wrong content type", "text/plain", Valid, HttpStatusCode.UnsupportedMediaType },
        { "no conversation", "application/json", Valid.Replace("\"conversation\":{\"id\":\"a:1\"},", "", StringComparison.Ordinal), HttpStatusCode.BadRequest },
        { "no serviceUrl", "application/json", Valid.Replace("\"serviceUrl\":\"http://127.0.0.1:9/\",", "", StringComparison.Ordinal), HttpStatusCode.BadRequest },
        { "1 MB body", "application/json", Valid.Replace("\"hi\"", $"\"{new string('x', 1024 * 1024)}\"", StringComparison.Ordinal), HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadActivity_Is4xxProblem_AndNothingIsStored(string because, string contentType, string body, HttpStatusCode expected)
    {
        _app.StartServer();
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));

        response.StatusCode.ShouldBe(expected, because);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", because);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"detail\"", customMessage: because);
        await using var scope = _app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().ConversationReferences.CountAsync())
            .ShouldBe(0, because);
    }
}
