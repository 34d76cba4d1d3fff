using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Cli;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Reminders;

/// <summary><c>preview --practice &lt;id&gt; --days N [--invoice ref]</c>: what the cadence would send, when, and the text.</summary>
public static class PreviewCommand
{
    public const string Name = "preview";

    public static Command Create(IServiceProvider services)
    {
        var practice = PracticeCommands.PracticeOption();
        var days = new Option<int>("--days") { Description = $"How many days ahead (1-{PreviewCadence.MaxDays}).", DefaultValueFactory = _ => 30 };
        var invoice = new Option<string?>("--invoice") { Description = "Only this invoice (the practice's reference)." };
        var command = new Command(Name, "Show what the reminder cadence would send over the next days.") { practice, days, invoice };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Name, async scoped =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var practiceId = parseResult.GetValue(practice);
            var horizon = parseResult.GetValue(days);
            if (horizon is < 1 or > PreviewCadence.MaxDays)
            {
                await error.WriteLineAsync($"--days: between 1 and {PreviewCadence.MaxDays}.");
                return 1;
            }

            if (!await scoped.GetRequiredService<RelanceBotDbContext>().Practices.AnyAsync(p => p.Id == practiceId, cancellationToken))
            {
                await error.WriteLineAsync($"--practice: no practice with id {practiceId}.");
                return 1;
            }

            var entries = await scoped.GetRequiredService<PreviewCadence>()
                .HandleAsync(practiceId, horizon, parseResult.GetValue(invoice), cancellationToken);
            if (entries is null)
            {
                await error.WriteLineAsync($"--invoice: no invoice '{parseResult.GetValue(invoice)}'.");
                return 1;
            }

            foreach (var entry in entries)
            {
                var what = entry.Step is null ? "" : $"  {entry.Step} ({entry.Tone}, {entry.Channel ?? entry.Action.ToString()})";
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture, $"{entry.At:yyyy-MM-dd HH:mm zzz}  {entry.InvoiceReference}{what}"));
                foreach (var line in new[] { entry.Note, entry.Subject, entry.Text }.OfType<string>())
                {
                    await output.WriteLineAsync("    " + line.ReplaceLineEndings(Environment.NewLine + "    "));
                }
            }

            await output.WriteLineAsync($"{entries.Count} planned action(s) in the next {horizon} day(s).");
            return 0;
        }, cancellationToken));
        return command;
    }
}
