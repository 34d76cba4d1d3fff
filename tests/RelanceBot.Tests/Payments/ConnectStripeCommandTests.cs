using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Payments.Stripe;
using RelanceBot.Persistence;
using RelanceBot.Tests.Cli;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Payments;

/// <summary>The per-practice Stripe account mode can be set up: <c>connect-stripe</c> records the practice's account.</summary>
public sealed class ConnectStripeCommandTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task ConnectStripe_RecordsTheAccount_AndConnectingAgainReplacesIt()
    {
        var practice = await TestPractice.CreateAsync(factory);

        var (first, output, _) = await RunAsync("connect-stripe", "--practice", practice.Id.ToString(), "--account", "acct_1First");
        var (second, _, _) = await RunAsync("connect-stripe", "--practice", practice.Id.ToString(), "--account", "acct_1Second");

        first.ShouldBe(0);
        second.ShouldBe(0);
        output.ShouldContain("acct_1First");
        (await AccountsAsync(practice.Id)).ShouldBe(["acct_1Second"]);
    }

    [Theory]
    [InlineData("sk_live_123")]
    [InlineData("acct_")]
    [InlineData("acct_1 2")]
    public async Task ConnectStripe_SomethingElseThanAnAccountId_IsRefused(string account)
    {
        var practice = await TestPractice.CreateAsync(factory);

        var (exitCode, _, error) = await RunAsync("connect-stripe", "--practice", practice.Id.ToString(), "--account", account);

        exitCode.ShouldBe(1);
        error.ShouldContain("--account");
        (await AccountsAsync(practice.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ConnectStripe_AnotherPracticesAccount_IsRefused()
    {
        var first = await TestPractice.CreateAsync(factory);
        var second = await TestPractice.CreateAsync(factory, "Cabinet Autre");
        await RunAsync("connect-stripe", "--practice", first.Id.ToString(), "--account", "acct_1Shared");

        var (exitCode, _, error) = await RunAsync("connect-stripe", "--practice", second.Id.ToString(), "--account", "acct_1Shared");

        exitCode.ShouldBe(1);
        error.ShouldContain("another practice");
        (await AccountsAsync(second.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ConnectStripe_UnknownPractice_IsRefused()
    {
        var (exitCode, _, error) = await RunAsync("connect-stripe", "--practice", Guid.NewGuid().ToString(), "--account", "acct_1Nobody");

        exitCode.ShouldBe(1);
        error.ShouldContain("--practice");
    }

    private async Task<List<string>> AccountsAsync(Guid practiceId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Set<PracticeStripeAccount>()
            .Where(account => account.PracticeId == practiceId).Select(account => account.AccountId).ToListAsync();
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => InProcessCli.RunAsync(factory.Services, args);
}
