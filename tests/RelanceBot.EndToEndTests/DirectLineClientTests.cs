using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.BotFramework.DirectLine;

namespace RelanceBot.EndToEndTests;

/// <summary>
/// The official Direct Line client (npm <c>botframework-directlinejs</c> 0.15.8, what Web Chat uses) against the bot's
/// built-in Direct Line endpoint: it starts the conversation with a token the app minted, says "bonjour" and gets the
/// patient bot's answer, over the WebSocket stream and by polling.
/// </summary>
public sealed class DirectLineClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task TheOfficialClient_StartsSaysBonjourAndGetsTheBotsAnswer(string mode)
    {
        await using var bot = new BotApp();
        var domain = new Uri(bot.MessagesEndpoint, "/v3/directline").AbsoluteUri;
        var grant = await bot.Services.GetRequiredService<DirectLineConversations>()
            .CreateAsync(new DirectLineUser("patient-e2e", "Jeanne"), "binding-e2e", CancellationToken.None);

        var (exitCode, output, errors) = await RunAsync(domain, grant.Token, mode);

        exitCode.ShouldBe(0, $"{errors}\n{output}");
        var activities = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        var posted = activities.Single(activity => activity["role"]?.GetValue<string>() == "user");
        posted["text"]!.GetValue<string>().ShouldBe("bonjour");
        posted["fromId"]!.GetValue<string>().ShouldBe("patient-e2e");
        activities.First()["text"]!.GetValue<string>().ShouldContain("assistant automatique");
        var answer = activities.Last();
        answer["role"]!.GetValue<string>().ShouldBe("bot");
        answer["replyToId"]!.GetValue<string>().ShouldBe(posted["id"]!.GetValue<string>());
        answer["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string domain, string token, string mode)
    {
        var harness = NodeHarness.Directory("directline");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = harness,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(harness, "say-bonjour.cjs"), domain, token, mode })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NODE_OPTIONS"] = $"--require={NodeHarness.NetworkGuardPath()}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"DirectLineJS did not finish within {Patience}: {await errors}\n{await output}");
        }

        return (process.ExitCode, await output, await errors);
    }
}
