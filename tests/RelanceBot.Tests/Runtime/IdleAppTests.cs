using System.Net;
using System.Net.Http.Json;
using RelanceBot.Tests.Outbox.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Runtime;

/// <summary>
/// The real app as its own process (a test process loads every library its other tests use), answering a turn and
/// then idle: what it maps is what it costs in memory.
/// </summary>
public sealed class IdleAppTests
{
    [Fact]
    public async Task An_idle_app_on_SQLite_never_loads_the_PostgreSQL_provider()
    {
        using var database = new TestDatabase();
        var address = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address,
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:RelanceBot"] = database.ConnectionString,
            ["BotFramework:AllowAnonymous"] = "true",
            ["Payments:Stripe:AllowDemoCheckout"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            // The outbox dispatcher polls (and so claims) many times while the test waits.
            ["Outbox:PollInterval"] = "00:00:00.100",
        });
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        await WaitUntilHealthyAsync(client, app);
        var turn = await client.PostAsJsonAsync("/api/messages", new Dictionary<string, object>
        {
            ["type"] = "message",
            ["id"] = "idle-1",
            ["text"] = "bonjour",
            ["channelId"] = "webchat",
            ["serviceUrl"] = "http://127.0.0.1/",
            ["from"] = new Dictionary<string, string> { ["id"] = "patient" },
            ["recipient"] = new Dictionary<string, string> { ["id"] = "bot" },
            ["conversation"] = new Dictionary<string, string> { ["id"] = "idle-conversation" },
            ["locale"] = "fr-FR",
            ["deliveryMode"] = "expectReplies",
        });
        turn.StatusCode.ShouldBe(HttpStatusCode.OK, app.Output);
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);

        var mapped = await MappedFilesAsync(app);
        mapped.ShouldContain(file => file.EndsWith("/Microsoft.EntityFrameworkCore.Sqlite.dll"), "the maps list the app's libraries");
        mapped.Where(file => file.Contains("Npgsql", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    /// <summary>The files the process maps (libraries, assemblies), from the kernel's view of it.</summary>
    private static async Task<string[]> MappedFilesAsync(AppProcess app) =>
        (await File.ReadAllLinesAsync($"/proc/{app.Id}/maps"))
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].StartsWith('/'))
            .Select(fields => fields[5])
            .Distinct()
            .ToArray();

    private static async Task WaitUntilHealthyAsync(HttpClient client, AppProcess app)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        throw new TimeoutException($"The app did not start within 60 s:\n{app.Output}");
    }
}
