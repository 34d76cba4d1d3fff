using System.Net;
using System.Text.RegularExpressions;
using RelanceBot.Cli;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Practices;

public sealed partial class PracticeCommandsTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task Add_PrintsThePracticeIdAndAWorkingKeyOnce()
    {
        var (exitCode, output, _) = await RunAsync("practices", "add", "--name", "Cabinet Dupont", "--practitioner", "Dr Dupont");

        exitCode.ShouldBe(0);
        Guid.TryParse(PracticeId().Match(output).Groups[1].Value, out _).ShouldBeTrue();
        var apiKey = ApiKey().Match(output).Groups[1].Value;
        apiKey.Length.ShouldBeGreaterThanOrEqualTo(40);
        using var client = factory.CreateApiClient(apiKey);
        (await client.GetAsync("/api/v1/invoices/none")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Add_WithAnUnknownTimeZone_FailsAndNamesTheOption()
    {
        var (exitCode, _, error) = await RunAsync(
            "practices", "add", "--name", "Cabinet", "--practitioner", "Dr X", "--time-zone", "Mars/Olympus");

        exitCode.ShouldNotBe(0);
        error.ShouldContain("--time-zone");
    }

    [Fact]
    public async Task AddKeyThenRevokeKey_TheRevokedKeyStopsWorkingAndTheOtherDoesNot()
    {
        var practice = await TestPractice.CreateAsync(factory);
        var (_, output, _) = await RunAsync("practices", "add-key", "--practice", practice.Id.ToString());
        var secondKey = ApiKey().Match(output).Groups[1].Value;

        var (exitCode, _, _) = await RunAsync("practices", "revoke-key", "--practice", practice.Id.ToString(), "--prefix", practice.ApiKey[..12]);

        exitCode.ShouldBe(0);
        using var revoked = factory.CreateApiClient(practice.ApiKey);
        using var active = factory.CreateApiClient(secondKey);
        (await revoked.GetAsync("/api/v1/invoices/none")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await active.GetAsync("/api/v1/invoices/none")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddKey_ForAnUnknownPractice_Fails()
    {
        var (exitCode, _, error) = await RunAsync("practices", "add-key", "--practice", Guid.NewGuid().ToString());

        exitCode.ShouldNotBe(0);
        error.ShouldContain("--practice");
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineInterface.RunAsync(factory.Services, args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex("Practice id: (\\S+)")]
    private static partial Regex PracticeId();

    [GeneratedRegex("API key: (\\S+)")]
    private static partial Regex ApiKey();
}
