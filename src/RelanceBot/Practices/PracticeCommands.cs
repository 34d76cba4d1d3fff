using System.CommandLine;
using RelanceBot.Cli;
using RelanceBot.Teams.Linking;

namespace RelanceBot.Practices;

/// <summary>
/// <c>practices add | set-language | add-key | revoke-key | add-staff | teams-link-code</c>: set a practice up, choose
/// its staff's language, manage its API keys, its staff and the link of its Teams channel.
/// </summary>
public static class PracticeCommands
{
    public const string Name = "practices";

    private const string Actor = "cli";

    public static Command Create(IServiceProvider services) =>
        new(Name, "Set up practices and manage their API keys.")
        {
            AddCommand(services),
            SetLanguageCommand(services),
            AddKeyCommand(services),
            RevokeKeyCommand(services),
            AddStaffCommand(services),
            TeamsLinkCodeCommand(services),
        };

    private static Command AddCommand(IServiceProvider services)
    {
        var name = new Option<string>("--name") { Description = "The practice's name.", Required = true };
        var practitioner = new Option<string>("--practitioner") { Description = "The practitioner's name.", Required = true };
        var timeZone = new Option<string>("--time-zone") { Description = $"IANA time zone (default {Practice.DefaultTimeZoneId})." };
        var phone = new Option<string>("--phone") { Description = "The practice's phone number." };
        var address = new Option<string>("--address")
        {
            Description = "The practice's postal address for its letters, lines separated by \\n (\"12 rue de la Paix\\n75002 Paris\").",
        };
        var openingHours = new Option<string>("--opening-hours")
        {
            Description = "When patients can reach the practice, as they should read it (\"du lundi au vendredi, de 9 h à 18 h\").",
        };
        var language = LanguageOption();
        var command = new Command("add", "Create a practice; prints its id and its first API key (shown once).")
        {
            name, practitioner, timeZone, phone, address, openingHours, language,
        };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Actor, async scoped =>
        {
            var result = await scoped.GetRequiredService<AddPractice>().HandleAsync(
                parseResult.GetValue(name)!,
                parseResult.GetValue(practitioner)!,
                parseResult.GetValue(timeZone),
                parseResult.GetValue(phone),
                parseResult.GetValue(address)?.Replace("\\n", "\n", StringComparison.Ordinal),
                parseResult.GetValue(openingHours),
                parseResult.GetValue(language),
                cancellationToken);
            if (result.Practice is null)
            {
                await WriteErrorsAsync(parseResult, result.Errors.All);
                return 1;
            }

            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Practice id: {result.Practice.Id}");
            await WriteKeyAsync(output, result.PlainApiKey!);
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command SetLanguageCommand(IServiceProvider services)
    {
        var practice = PracticeOption();
        var language = LanguageOption();
        language.Required = true;
        var command = new Command("set-language", "Choose the language the practice's staff read alerts, cards and the digest in.")
        {
            practice, language,
        };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Actor, async scoped =>
        {
            var practiceId = parseResult.GetValue(practice);
            var errors = await scoped.GetRequiredService<SetPracticeLanguage>()
                .HandleAsync(practiceId, parseResult.GetValue(language), cancellationToken);
            if (errors is null || !errors.IsEmpty)
            {
                await WriteErrorsAsync(parseResult, errors?.All ?? [("practice", $"No practice with id {practiceId}.")]);
                return 1;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync("Language saved.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command AddKeyCommand(IServiceProvider services)
    {
        var practice = PracticeOption();
        var command = new Command("add-key", "Issue another API key for a practice (shown once).") { practice };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Actor, async scoped =>
        {
            var practiceId = parseResult.GetValue(practice);
            var plainKey = await scoped.GetRequiredService<IssueApiKey>().HandleAsync(practiceId, cancellationToken);
            if (plainKey is null)
            {
                await WriteErrorsAsync(parseResult, [("practice", $"No practice with id {practiceId}.")]);
                return 1;
            }

            await WriteKeyAsync(parseResult.InvocationConfiguration.Output, plainKey);
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command RevokeKeyCommand(IServiceProvider services)
    {
        var practice = PracticeOption();
        var prefix = new Option<string>("--prefix") { Description = "The key's prefix (its first 12 characters).", Required = true };
        var command = new Command("revoke-key", "Revoke a practice's API key.") { practice, prefix };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Actor, async scoped =>
        {
            var revoked = await scoped.GetRequiredService<RevokeApiKey>().HandleAsync(
                parseResult.GetValue(practice), parseResult.GetValue(prefix)!, cancellationToken);
            if (!revoked)
            {
                await WriteErrorsAsync(parseResult, [("prefix", "The practice has no key with that prefix.")]);
                return 1;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync("Key revoked.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command AddStaffCommand(IServiceProvider services)
    {
        var practice = PracticeOption();
        var name = new Option<string>("--name") { Description = "The member's name, as shown on handled cards.", Required = true };
        var aadObjectId = new Option<string>("--aad-object-id") { Description = "The member's Entra ID object id.", Required = true };
        var role = new Option<string>("--role") { Description = "Practitioner, Assistant or Manager.", Required = true };
        var command = new Command("add-staff", "Register a staff member who acts on alert cards in Teams.")
        {
            practice, name, aadObjectId, role,
        };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Actor, async scoped =>
        {
            var result = await scoped.GetRequiredService<RegisterStaff>().HandleAsync(
                parseResult.GetValue(practice),
                parseResult.GetValue(name),
                parseResult.GetValue(aadObjectId),
                parseResult.GetValue(role),
                cancellationToken);
            if (result.Staff is null)
            {
                await WriteErrorsAsync(parseResult, result.Errors.All);
                return 1;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Staff id: {result.Staff.Id}");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command TeamsLinkCodeCommand(IServiceProvider services)
    {
        var practice = PracticeOption();
        var command = new Command("teams-link-code", "Issue a one-time code to link a Teams channel to the practice (shown once).")
        {
            practice,
        };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Actor, async scoped =>
        {
            var practiceId = parseResult.GetValue(practice);
            var issued = await scoped.GetRequiredService<TeamsChannelLinks>().IssueCodeAsync(practiceId, cancellationToken);
            if (issued is null)
            {
                await WriteErrorsAsync(parseResult, [("practice", $"No practice with id {practiceId}.")]);
                return 1;
            }

            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Code: {issued.Code}");
            await output.WriteLineAsync($"In the Teams channel, a registered staff member writes: @RelanceBot link {issued.Code}");
            await output.WriteLineAsync($"It works once, until {issued.ExpiresAt:u}.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Option<string> LanguageOption() =>
        new("--language") { Description = "The staff's language: fr (default) or en; patients read their own." };

    public static Option<Guid> PracticeOption() =>
        new("--practice") { Description = "The practice's id.", Required = true };

    private static async Task WriteKeyAsync(TextWriter output, string plainKey)
    {
        await output.WriteLineAsync($"API key: {plainKey}");
        await output.WriteLineAsync("Store it now: it is not kept anywhere and cannot be shown again.");
    }

    private static async Task WriteErrorsAsync(ParseResult parseResult, IEnumerable<(string Field, string Message)> errors)
    {
        foreach (var (field, message) in errors)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"--{field}: {message}");
        }
    }
}
