using System.CommandLine;
using RelanceBot.Invoices.Import;
using RelanceBot.PatientSpace;
using RelanceBot.Persistence.PostgreSqlCopy;
using RelanceBot.Payments;
using RelanceBot.Practices;
using RelanceBot.Reminders;

namespace RelanceBot.Cli;

/// <summary>
/// Administration commands of the same executable (<c>practices …</c>, <c>import …</c>). They use the app's
/// configuration and services but never start the web server.
/// </summary>
public static class CommandLineInterface
{
    private static readonly string[] CommandNames = [PracticeCommands.Name, ImportInvoicesCommand.Name, PreviewCommand.Name, PayLinkCommand.Name, DemoCommand.Name, CopyToPostgreSqlCommand.Name];

    public static bool IsCommand(string[] args) => args.Length > 0 && CommandNames.Contains(args[0]);

    public static Task<int> RunAsync(
        IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = new RootCommand("RelanceBot administration. Without a command, the web app starts.")
        {
            PracticeCommands.Create(services),
            ImportInvoicesCommand.Create(services),
            PreviewCommand.Create(services),
            PayLinkCommand.Create(services),
            DemoCommand.Create(services),
            CopyToPostgreSqlCommand.Create(services),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
