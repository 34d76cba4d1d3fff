using System.CommandLine;
using RelanceBot.Invoices.Import;
using RelanceBot.PatientSpace;
using RelanceBot.Payments;
using RelanceBot.Persistence.PostgreSqlCopy;
using RelanceBot.Practices;
using RelanceBot.Reminders;
using RelanceBot.Teams.Package;

namespace RelanceBot.Cli;

/// <summary>
/// Administration commands of the same executable (<c>practices …</c>, <c>import …</c>). They use the app's
/// configuration and services but never start the web server; help and unknown commands build nothing at all.
/// </summary>
public static class CommandLineInterface
{
    /// <summary>Exit code of a command line that names no known command.</summary>
    public const int UnknownCommandExitCode = 2;

    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?", "/?"];

    /// <summary>The root command's own options: the command line's, not the host's.</summary>
    private static readonly string[] RootWords = [.. HelpWords, "--version"];

    /// <summary>
    /// The commands, one type each. A command gets the services as an <see cref="IServiceProvider"/> that is only built
    /// when its action first asks for a service, so parsing, <c>--help</c> and mistakes touch no database.
    /// </summary>
    private static readonly Func<IServiceProvider, Command>[] Commands =
    [
        PracticeCommands.Create,
        ImportInvoicesCommand.Create,
        PreviewCommand.Create,
        PayLinkCommand.Create,
        ConnectStripeCommand.Create,
        DemoCommand.Create,
        CopyToPostgreSqlCommand.Create,
        TeamsPackageCommand.Create,
    ];

    /// <summary>
    /// Whether <paramref name="args"/> are for the command line rather than the web host. The host takes options
    /// (<c>--urls …</c>) and <c>key=value</c> settings; a first word is a command, or help, or a mistake.
    /// </summary>
    public static bool IsCommandLine(string[] args) =>
        args.Length > 0 && (RootWords.Contains(args[0]) || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    /// <summary>Runs a command; <paramref name="buildServices"/> is called only if the command needs the app's services.</summary>
    public static Task<int> RunAsync(
        Func<IServiceProvider> buildServices, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(new LazyServiceProvider(buildServices), args, output, error, cancellationToken);

    public static async Task<int> RunAsync(
        IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = new RootCommand("RelanceBot administration. Without a command (or with host options such as --urls), the web app starts.");
        foreach (var create in Commands)
        {
            root.Subcommands.Add(create(services));
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (args.Length > 0 && args[0] == "help")
        {
            // "help" and "help import" read as "--help" and "import --help".
            args = [.. args.Skip(1), "--help"];
        }

        if (args.Length == 0 || (root.Subcommands.All(command => command.Name != args[0]) && !RootWords.Contains(args[0])))
        {
            await error.WriteLineAsync($"Unknown command '{args.FirstOrDefault()}'. The commands are:");
            await root.Parse("--help").InvokeAsync(new InvocationConfiguration { Output = error }, cancellationToken);
            return UnknownCommandExitCode;
        }

        return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
