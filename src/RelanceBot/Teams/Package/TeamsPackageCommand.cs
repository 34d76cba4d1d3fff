using System.CommandLine;
using System.Text.RegularExpressions;
using RelanceBot.BotFramework;
using RelanceBot.Cli;
using RelanceBot.Payments;
using RelanceBot.Teams.Messages;

namespace RelanceBot.Teams.Package;

/// <summary>
/// <c>teams-package --out relancebot.zip</c>: writes the Teams app package of this installation (bot id and public host
/// from the app's configuration unless given), ready to upload. Touches no database.
/// </summary>
public static partial class TeamsPackageCommand
{
    public const string Name = "teams-package";

    /// <summary>Exit code of a refused option or an unwritable file: nothing was written.</summary>
    public const int BadInputExitCode = 2;

    public static Command Create(IServiceProvider services)
    {
        var output = new Option<string>("--out") { Description = "The zip to write, relative to the current directory.", Required = true };
        var botId = new Option<string?>("--bot-id") { Description = "The bot's Entra app id (a GUID). Default: MicrosoftAppId." };
        var domain = new Option<string?>("--domain") { Description = "The bot's public host name. Default: the host of Payments:PublicBaseUrl." };
        var version = new Option<string>("--app-version")
        {
            Description = "The package's version (major.minor.patch); raise it to update an uploaded app.",
            DefaultValueFactory = _ => "1.0.0",
        };
        var developer = new Option<string?>("--developer") { Description = "Who publishes the app (32 characters at most). Default: the app's name." };
        var website = new Option<string?>("--website") { Description = "The publisher's web page. Default: the bot's public address." };
        var privacy = new Option<string?>("--privacy-url") { Description = "The privacy policy's page. Default: the web page." };
        var terms = new Option<string?>("--terms-url") { Description = "The terms of use's page. Default: the web page." };
        var command = new Command(Name, "Write the Teams app package (manifest and icons) to upload in Teams.")
        {
            output, botId, domain, version, developer, website, privacy, terms,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var messages = services.GetRequiredService<TeamsMessages>();
            var (app, problem) = Identity(parseResult, services.GetRequiredService<IConfiguration>(), messages);
            var path = ShellPath.Resolve(parseResult.GetValue(output)!);
            problem ??= Directory.Exists(Path.GetDirectoryName(path)) ? null : $"--out: the directory {Path.GetDirectoryName(path)} does not exist.";
            if (problem is not null)
            {
                await error.WriteLineAsync(problem);
                return BadInputExitCode;
            }

            try
            {
                await TeamsAppPackage.WriteAsync(path, app!, messages, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"--out: cannot write {path}: {exception.Message} Nothing was written.");
                return BadInputExitCode;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                $"Wrote {path}: Teams app {app!.Version} for bot {app.BotId}, links on {app.Domain}. Upload it in the Teams admin "
                + "center (Teams apps > Manage apps > Upload new app) or in Teams (Apps > Manage your apps > Upload an app).");
            return 0;
        });
        return command;

        (TeamsAppIdentity? App, string? Problem) Identity(ParseResult parseResult, IConfiguration configuration, TeamsMessages messages)
        {
            // Read, not validated as options: a package needs neither the bot's secret nor Stripe's keys, which the
            // startup validators rightly demand.
            var givenBotId = parseResult.GetValue(botId);
            var botIdText = givenBotId ?? configuration.Get<BotFrameworkOptions>()?.AppId;
            if (string.IsNullOrWhiteSpace(botIdText))
            {
                return (null, "No bot id: set MicrosoftAppId (the bot's Entra app id) in the configuration or pass --bot-id <guid>.");
            }

            if (!Guid.TryParseExact(botIdText.Trim(), "D", out var id))
            {
                return (null, $"{(givenBotId is null ? "MicrosoftAppId" : "--bot-id")}: '{botIdText}' is not a GUID "
                    + "(the bot's Entra app id, as 00000000-0000-0000-0000-000000000000).");
            }

            var givenDomain = parseResult.GetValue(domain)?.Trim().ToLowerInvariant();
            if (givenDomain is not null && Uri.CheckHostName(givenDomain) != UriHostNameType.Dns)
            {
                return (null, $"--domain: '{givenDomain}' is not a host name (such as relances.example.fr, without https:// or a path).");
            }

            var publicAddress = givenDomain is null
                ? configuration.GetSection(PaymentsOptions.SectionName).Get<PaymentsOptions>()?.PublicBaseUrl ?? new PaymentsOptions().PublicBaseUrl
                : new Uri($"https://{givenDomain}/");
            if (!SemanticVersion().IsMatch(parseResult.GetValue(version)!))
            {
                return (null, $"--app-version: '{parseResult.GetValue(version)}' is not major.minor.patch (such as 1.0.0).");
            }

            var publisher = parseResult.GetValue(developer)?.Trim() ?? messages.In(TeamsAppManifest.DefaultLanguage).Say("package-name-short");
            if (publisher.Length is 0 or > 32)
            {
                return (null, $"--developer: '{publisher}' must have 1 to 32 characters.");
            }

            if (Url(website, parseResult, publicAddress) is not { } site)
            {
                return (null, $"--website: '{parseResult.GetValue(website)}' is not an http(s) address.");
            }

            if (Url(privacy, parseResult, site) is not { } privacyUrl || Url(terms, parseResult, site) is not { } termsUrl)
            {
                return (null, "--privacy-url and --terms-url must be http(s) addresses.");
            }

            return (new TeamsAppIdentity(id, publicAddress.IdnHost, parseResult.GetValue(version)!, publisher, site, privacyUrl, termsUrl), null);
        }
    }

    private static Uri? Url(Option<string?> option, ParseResult parseResult, Uri fallback) =>
        parseResult.GetValue(option) is not { } text ? fallback
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url
        : null;

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemanticVersion();
}
