using System.CommandLine;
using RelanceBot.Cli;
using RelanceBot.Payments.Stripe;
using RelanceBot.Practices;

namespace RelanceBot.Payments;

/// <summary>
/// <c>connect-stripe --practice &lt;id&gt; --account acct_…</c>: the practice's own Stripe account, for
/// <c>Payments:Stripe:AccountMode = ConnectedAccountPerPractice</c>.
/// </summary>
public static class ConnectStripeCommand
{
    public const string Name = "connect-stripe";

    public static Command Create(IServiceProvider services)
    {
        var practice = PracticeCommands.PracticeOption();
        var account = new Option<string>("--account") { Description = "The practice's connected Stripe account id (acct_…).", Required = true };
        var command = new Command(Name, "Connect a practice's own Stripe account (per-practice account mode).") { practice, account };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Name, async scoped =>
        {
            var practiceId = parseResult.GetValue(practice);
            var accountId = parseResult.GetValue(account)!.Trim();
            var result = await scoped.GetRequiredService<ConnectStripeAccount>().HandleAsync(practiceId, accountId, cancellationToken);
            var problem = result switch
            {
                ConnectStripeAccountResult.NotAnAccountId => $"--account: '{accountId}' is not a Stripe account id (acct_…).",
                ConnectStripeAccountResult.UnknownPractice => $"--practice: no practice with id {practiceId}.",
                ConnectStripeAccountResult.AnotherPracticesAccount => $"--account: {accountId} is already another practice's account.",
                _ => null,
            };
            if (problem is not null)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(problem);
                return 1;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Practice {practiceId} is paid on Stripe account {accountId}.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
