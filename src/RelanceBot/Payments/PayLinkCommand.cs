using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Cli;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Payments;

/// <summary>
/// <c>pay-link --practice &lt;id&gt; --invoice ref</c>: prints the invoice's stable pay link, the one its reminders carry,
/// so staff can hand it over by phone — and a new user can follow the demo checkout without waiting for a reminder.
/// </summary>
public static class PayLinkCommand
{
    public const string Name = "pay-link";

    public static Command Create(IServiceProvider services)
    {
        var practice = PracticeCommands.PracticeOption();
        var invoice = new Option<string>("--invoice") { Description = "The practice's invoice reference.", Required = true };
        var command = new Command(Name, "Print an invoice's pay link.") { practice, invoice };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Name, async scoped =>
        {
            var db = scoped.GetRequiredService<RelanceBotDbContext>();
            var practiceId = parseResult.GetValue(practice);
            var reference = parseResult.GetValue(invoice);
            var invoiceId = await db.Invoices
                .Where(i => i.PracticeId == practiceId && i.ExternalReference == reference)
                .Select(i => (Guid?)i.Id)
                .SingleOrDefaultAsync(cancellationToken);
            if (invoiceId is null)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"--invoice: no invoice '{reference}' in practice {practiceId}.");
                return 1;
            }

            var link = await scoped.GetRequiredService<IPaymentLinks>().GetLinkAsync(invoiceId.Value, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(link);
            return 0;
        }, cancellationToken));
        return command;
    }
}
