using System.Text.Json.Nodes;
using RelanceBot.Conversations.Messages;
using RelanceBot.Teams.Messages;

namespace RelanceBot.Teams.Package;

/// <summary>What a Teams app package says about this installation of the bot.</summary>
/// <param name="BotId">The bot's Entra app id; also the Teams app's id, so a rebuilt package updates the same app.</param>
/// <param name="Domain">The bot's public host, where its links (patient space, letters) point.</param>
public sealed record TeamsAppIdentity(
    Guid BotId, string Domain, string Version, string Developer, Uri WebsiteUrl, Uri PrivacyUrl, Uri TermsOfUseUrl);

/// <summary>
/// The Teams app manifest (schema 1.29) and its localization files: a bot for personal chats and the practice's team
/// channel, worded from the Teams catalog, French by default with a file for each other language.
/// </summary>
public static class TeamsAppManifest
{
    public const string FileName = "manifest.json";

    public const string SchemaVersion = "1.29";

    public const string ColorIcon = "color.png";

    public const string OutlineIcon = "outline.png";

    public static readonly BotLanguage DefaultLanguage = BotLanguage.French;

    private const string SchemaBase = $"https://developer.microsoft.com/en-us/json-schemas/teams/v{SchemaVersion}/";

    /// <summary>The icons' colour: the background of <see cref="ColorIcon"/>.</summary>
    private const string AccentColor = "#1E6A8D";

    /// <summary>The channel commands <c>StaffBot</c> understands, as catalog keys (title, then description).</summary>
    private static readonly string[] TeamCommands = ["package-command-link", "package-command-unlink"];

    public static IEnumerable<BotLanguage> AdditionalLanguages => Enum.GetValues<BotLanguage>().Where(language => language != DefaultLanguage);

    public static string LocalizationFileName(BotLanguage language) => $"{language.Code()}.json";

    public static JsonObject Create(TeamsAppIdentity app, TeamsMessages messages)
    {
        var wording = messages.In(DefaultLanguage);
        var botId = app.BotId.ToString("D");
        return new JsonObject
        {
            ["$schema"] = SchemaBase + "MicrosoftTeams.schema.json",
            ["manifestVersion"] = SchemaVersion,
            ["version"] = app.Version,
            ["id"] = botId,
            ["localizationInfo"] = new JsonObject
            {
                ["defaultLanguageTag"] = DefaultLanguage.Code(),
                ["additionalLanguages"] = new JsonArray([.. AdditionalLanguages.Select(language => new JsonObject
                {
                    ["languageTag"] = language.Code(),
                    ["file"] = LocalizationFileName(language),
                })]),
            },
            ["developer"] = new JsonObject
            {
                ["name"] = app.Developer,
                ["websiteUrl"] = app.WebsiteUrl.AbsoluteUri,
                ["privacyUrl"] = app.PrivacyUrl.AbsoluteUri,
                ["termsOfUseUrl"] = app.TermsOfUseUrl.AbsoluteUri,
            },
            ["name"] = new JsonObject
            {
                ["short"] = wording.Say("package-name-short"),
                ["full"] = wording.Say("package-name-full"),
            },
            ["description"] = new JsonObject
            {
                ["short"] = wording.Say("package-description-short"),
                ["full"] = wording.Say("package-description-full"),
            },
            ["icons"] = new JsonObject { ["color"] = ColorIcon, ["outline"] = OutlineIcon },
            ["accentColor"] = AccentColor,
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = botId,
                // Patients and staff talk to it one to one; the practice's channel gets the alert cards and the digest.
                ["scopes"] = new JsonArray("personal", "team"),
                ["commandLists"] = new JsonArray(new JsonObject
                {
                    ["scopes"] = new JsonArray("team"),
                    ["commands"] = new JsonArray([.. TeamCommands.Select(key => new JsonObject
                    {
                        ["title"] = wording.Say(key),
                        ["description"] = wording.Say($"{key}-description"),
                    })]),
                }),
            }),
            ["validDomains"] = new JsonArray(app.Domain),
        };
    }

    /// <summary>The manifest's texts in <paramref name="language"/>, keyed by where they sit in the manifest.</summary>
    public static JsonObject Localization(BotLanguage language, TeamsMessages messages)
    {
        var wording = messages.In(language);
        var file = new JsonObject
        {
            ["$schema"] = SchemaBase + "MicrosoftTeams.Localization.schema.json",
            ["name.short"] = wording.Say("package-name-short"),
            ["name.full"] = wording.Say("package-name-full"),
            ["description.short"] = wording.Say("package-description-short"),
            ["description.full"] = wording.Say("package-description-full"),
        };
        for (var index = 0; index < TeamCommands.Length; index++)
        {
            file[$"bots[0].commandLists[0].commands[{index}].title"] = wording.Say(TeamCommands[index]);
            file[$"bots[0].commandLists[0].commands[{index}].description"] = wording.Say($"{TeamCommands[index]}-description");
        }

        return file;
    }
}
