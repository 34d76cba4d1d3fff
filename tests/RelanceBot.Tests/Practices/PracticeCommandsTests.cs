using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Conversations.Messages;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Teams.Linking;
using RelanceBot.Tests.Cli;
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
    public async Task The_staff_language_is_chosen_at_add_and_changed_with_set_language()
    {
        var (exitCode, output, _) = await RunAsync(
            "practices", "add", "--name", "Smith Surgery", "--practitioner", "Dr Smith", "--language", "en");
        exitCode.ShouldBe(0);
        var practiceId = Guid.Parse(PracticeId().Match(output).Groups[1].Value);
        (await LanguageOfAsync(practiceId)).ShouldBe(BotLanguage.English);

        (await RunAsync("practices", "set-language", "--practice", practiceId.ToString(), "--language", "fr")).ExitCode.ShouldBe(0);
        (await LanguageOfAsync(practiceId)).ShouldBe(BotLanguage.French);

        var (refused, _, error) = await RunAsync("practices", "set-language", "--practice", practiceId.ToString(), "--language", "de");
        refused.ShouldNotBe(0);
        error.ShouldContain("--language");
        (await LanguageOfAsync(practiceId)).ShouldBe(BotLanguage.French);
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

    [Fact]
    public async Task AddStaff_RegistersTheMember_AndRefusesTheSameMemberTwice()
    {
        var practice = await TestPractice.CreateAsync(factory);
        string[] args = ["practices", "add-staff", "--practice", practice.Id.ToString(), "--name", "Dr Dupont",
            "--aad-object-id", "6D1F2A3B-0000-4000-8000-00000000AA01", "--role", "practitioner"];

        var (exitCode, _, _) = await RunAsync(args);
        exitCode.ShouldBe(0);
        var staff = await QueryAsync(db => db.Staff.SingleAsync(s => s.PracticeId == practice.Id));
        staff.AadObjectId.ShouldBe("6d1f2a3b-0000-4000-8000-00000000aa01");
        staff.Role.ShouldBe(StaffRole.Practitioner);

        var (again, _, error) = await RunAsync(args);
        again.ShouldNotBe(0);
        error.ShouldContain("--aadObjectId");
    }

    [Fact]
    public async Task TeamsLinkCode_PrintsAOneTimeCode_StoredOnlyAsItsHash()
    {
        var practice = await TestPractice.CreateAsync(factory);

        var (exitCode, output, _) = await RunAsync("practices", "teams-link-code", "--practice", practice.Id.ToString());

        exitCode.ShouldBe(0);
        var code = LinkCode().Match(output).Groups[1].Value;
        code.ShouldStartWith("rbt-");
        output.ShouldContain($"@RelanceBot link {code}");
        var stored = await QueryAsync(db => db.TeamsLinkCodes.SingleAsync(c => c.PracticeId == practice.Id));
        stored.CodeHash.ShouldBe(TeamsLinkCode.Hash(code));
    }

    [Fact]
    public async Task TeamsLinkCode_ForAnUnknownPractice_Fails()
    {
        var (exitCode, _, error) = await RunAsync("practices", "teams-link-code", "--practice", Guid.NewGuid().ToString());

        exitCode.ShouldNotBe(0);
        error.ShouldContain("--practice");
    }

    private async Task<T> QueryAsync<T>(Func<RelanceBotDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => InProcessCli.RunAsync(factory.Services, args);

    private Task<BotLanguage> LanguageOfAsync(Guid practiceId) => factory.WithDbAsync(db =>
        db.Practices.Where(practice => practice.Id == practiceId).Select(practice => practice.Language).SingleAsync());

    [GeneratedRegex("Practice id: (\\S+)")]
    private static partial Regex PracticeId();

    [GeneratedRegex("Code: (\\S+)")]
    private static partial Regex LinkCode();

    [GeneratedRegex("API key: (\\S+)")]
    private static partial Regex ApiKey();
}
