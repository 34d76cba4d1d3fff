using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Cli;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Invoices.Import;

/// <summary><c>import --practice &lt;id&gt; --file invoices.csv</c>: exit code 0 when imported, 1 with a per-row report when not.</summary>
public static class ImportInvoicesCommand
{
    public const string Name = "import";

    public const string Actor = "csv-import";

    public static Command Create(IServiceProvider services)
    {
        var practice = PracticeCommands.PracticeOption();
        var file = new Option<string>("--file")
        {
            Description = "The CSV file (UTF-8 or Windows-1252, ';' or ',' separated), relative to the current directory.",
            Required = true,
        };
        var command = new Command(Name, "Import a practice's invoices and patients from a CSV file, all or nothing.") { practice, file };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Actor, async scoped =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var practiceId = parseResult.GetValue(practice);
            var csv = new FileInfo(ShellPath.Resolve(parseResult.GetValue(file)!));
            if (!csv.Exists)
            {
                await error.WriteLineAsync($"--file: {csv.FullName} does not exist.");
                return 1;
            }

            if (!await scoped.GetRequiredService<RelanceBotDbContext>().Practices.AnyAsync(p => p.Id == practiceId, cancellationToken))
            {
                await error.WriteLineAsync($"--practice: no practice with id {practiceId}.");
                return 1;
            }

            await using var stream = csv.OpenRead();
            var report = await scoped.GetRequiredService<ImportInvoicesCsv>().HandleAsync(practiceId, stream, cancellationToken);
            if (!report.Succeeded)
            {
                await error.WriteLineAsync($"Nothing was imported: {report.Errors.Count} problem(s) in {csv.Name}.");
                foreach (var problem in report.Errors)
                {
                    await error.WriteLineAsync(problem.ToString());
                }

                return 1;
            }

            await output.WriteLineAsync(
                $"Imported {report.Rows} row(s): {report.InvoicesCreated} invoice(s) created, "
                + $"{report.InvoicesUpdated} updated, {report.InvoicesUnchanged} unchanged.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
