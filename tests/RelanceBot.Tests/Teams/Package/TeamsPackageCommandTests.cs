using System.IO.Compression;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using RelanceBot.Teams.Package;
using RelanceBot.Tests.Cli;

namespace RelanceBot.Tests.Teams.Package;

/// <summary>
/// <c>teams-package</c> run as a user runs it (<c>dotnet run</c> from their shell's directory), its zip opened and checked
/// against the official Teams manifest schemas kept in <c>Fixtures/teams-manifest</c>.
/// </summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string ConfiguredBotId = "6a5d2c0e-41f7-4b2c-9d3e-0c1f2a3b4c5d";

    private static readonly Lazy<Task<JsonSchema>> ManifestSchema = new(() => Schema("MicrosoftTeams.schema.json"));

    private static readonly Lazy<Task<JsonSchema>> LocalizationSchema = new(() => Schema("MicrosoftTeams.Localization.schema.json"));

    private readonly CliProcess _cli = new();

    private readonly string _shell;

    public TeamsPackageCommandTests()
    {
        _shell = Directory.CreateDirectory(Path.Combine(_cli.WorkingDirectory, "shell")).FullName;
        _cli.Settings["MicrosoftAppId"] = ConfiguredBotId;
        _cli.Settings["Payments__PublicBaseUrl"] = "https://relances.cabinet-martin.fr";
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Package_FromTheAppsConfiguration_IsValidForTeams_WithItsBotDomainAndIcons()
    {
        var result = await _cli.DotnetRunAsync(_shell, "teams-package", "--out", "../relancebot.zip");

        result.ExitCode.ShouldBe(0, result.Error);
        var package = Path.Combine(_cli.WorkingDirectory, "relancebot.zip");
        result.Output.ShouldContain(package);
        using var zip = ZipFile.OpenRead(package);
        zip.Entries.Select(entry => entry.FullName).Order().ShouldBe(["color.png", "en.json", "manifest.json", "outline.png"]);

        var manifest = Json(zip, "manifest.json");
        await ShouldBeValidAsync(ManifestSchema, manifest);
        await ShouldBeValidAsync(LocalizationSchema, Json(zip, "en.json"));
        // NJsonSchema leaves out `const` (the schema pins its own manifestVersion with it): compared here.
        ((string?)manifest["manifestVersion"]).ShouldBe(SchemaManifestVersion());
        Version.Parse((string)manifest["manifestVersion"]!).ShouldBeGreaterThanOrEqualTo(new Version(1, 17));
        ((string?)manifest["id"]).ShouldBe(ConfiguredBotId);
        var bot = manifest["bots"]![0]!;
        ((string?)bot["botId"]).ShouldBe(ConfiguredBotId);
        bot["scopes"]!.AsArray().Select(scope => (string)scope!).ShouldBe(["personal", "team"]);
        manifest["validDomains"]!.AsArray().Select(domain => (string)domain!).ShouldBe(["relances.cabinet-martin.fr"]);
        ((string?)manifest["localizationInfo"]!["defaultLanguageTag"]).ShouldBe("fr");
        ((string)manifest["description"]!["short"]!).ShouldContain("patients");
        ((string?)manifest["developer"]!["websiteUrl"]).ShouldBe("https://relances.cabinet-martin.fr/");

        var color = PngImage.Read(Bytes(zip, (string)manifest["icons"]!["color"]!));
        (color.Width, color.Height).ShouldBe((192, 192));
        var outline = PngImage.Read(Bytes(zip, (string)manifest["icons"]!["outline"]!));
        (outline.Width, outline.Height).ShouldBe((32, 32));
        var pixels = outline.RgbaPixels();
        pixels.ShouldAllBe(pixel => pixel.A == 0 || (pixel.R == 255 && pixel.G == 255 && pixel.B == 255), "the outline icon is white on transparent");
        pixels.ShouldContain(pixel => pixel.A == 0);
        pixels.ShouldContain(pixel => pixel.A == 255);

        File.Exists(_cli.DatabaseFile).ShouldBeFalse("a package needs no database");
    }

    [Fact]
    public async Task TheBuiltApp_StartedFromAnotherDirectory_FindsItsOwnCatalogs()
    {
        // `dotnet RelanceBot.dll` from the CLI's own directory, as `dotnet publish/RelanceBot.dll` from elsewhere.
        var result = await _cli.RunAsync("teams-package", "--out", "relancebot.zip");

        result.ExitCode.ShouldBe(0, result.Error);
        using var zip = ZipFile.OpenRead(Path.Combine(_cli.WorkingDirectory, "relancebot.zip"));
        ((string)Json(zip, "manifest.json")["description"]!["short"]!).ShouldContain("patients");
    }

    [Fact]
    public async Task TheKeptSchema_RefusesAManifestWhoseBotScopesAreWrong()
    {
        var result = await _cli.DotnetRunAsync(_shell, "teams-package", "--out", "relancebot.zip");
        result.ExitCode.ShouldBe(0, result.Error);
        using var zip = ZipFile.OpenRead(Path.Combine(_shell, "relancebot.zip"));
        var manifest = Json(zip, "manifest.json");

        manifest["bots"]![0]!["scopes"] = new JsonArray("personal", "channel");

        (await Errors(ManifestSchema, manifest)).ShouldContain("#/bots[0].scopes[1]: NotInEnumeration");
    }

    [Fact]
    public async Task Options_TakeOverTheConfiguration()
    {
        const string botId = "0b7a9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d";

        var result = await _cli.DotnetRunAsync(
            _shell, "teams-package", "--out", "teams.zip", "--bot-id", botId, "--domain", "Bot.Example.FR", "--app-version", "1.2.0",
            "--developer", "Cabinet du Dr Martin", "--privacy-url", "https://cabinet-martin.fr/confidentialite");

        result.ExitCode.ShouldBe(0, result.Error);
        using var zip = ZipFile.OpenRead(Path.Combine(_shell, "teams.zip"));
        var manifest = Json(zip, "manifest.json");
        await ShouldBeValidAsync(ManifestSchema, manifest);
        ((string?)manifest["bots"]![0]!["botId"]).ShouldBe(botId);
        manifest["validDomains"]!.AsArray().Select(domain => (string)domain!).ShouldBe(["bot.example.fr"]);
        ((string?)manifest["version"]).ShouldBe("1.2.0");
        var developer = manifest["developer"]!;
        ((string?)developer["name"]).ShouldBe("Cabinet du Dr Martin");
        ((string?)developer["websiteUrl"]).ShouldBe("https://bot.example.fr/");
        ((string?)developer["privacyUrl"]).ShouldBe("https://cabinet-martin.fr/confidentialite");
        ((string?)developer["termsOfUseUrl"]).ShouldBe("https://bot.example.fr/");
    }

    [Fact]
    public async Task NoBotIdAnywhere_ExitsWith2_SaysWhereToSetIt_AndWritesNothing()
    {
        _cli.Settings["MicrosoftAppId"] = "";

        await ShouldRefuseAsync("No bot id: set MicrosoftAppId", "--out", "teams.zip");
    }

    [Theory]
    [InlineData("--bot-id: 'not-a-guid' is not a GUID", "--out", "teams.zip", "--bot-id", "not-a-guid")]
    [InlineData("--domain: 'https://bot.example.fr' is not a host name", "--out", "teams.zip", "--domain", "https://bot.example.fr")]
    [InlineData("does not exist", "--out", "missing/teams.zip")]
    [InlineData("--out: cannot write", "--out", ".")]
    public Task BadInput_ExitsWith2_SaysWhy_AndWritesNothing(string message, params string[] options) => ShouldRefuseAsync(message, options);

    private async Task ShouldRefuseAsync(string message, params string[] options)
    {
        var result = await _cli.DotnetRunAsync(_shell, ["teams-package", .. options]);

        result.ExitCode.ShouldBe(TeamsPackageCommand.BadInputExitCode, result.Output + result.Error);
        result.Error.ShouldContain(message);
        Directory.EnumerateFiles(_cli.WorkingDirectory, "*", SearchOption.AllDirectories)
            .ShouldBeEmpty("nothing written, not even a temporary file");
    }

    private static Task<JsonSchema> Schema(string file) => JsonSchema.FromFileAsync(SchemaFile(file));

    private static string SchemaFile(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams-manifest", file);

    private static string? SchemaManifestVersion() =>
        (string?)JsonNode.Parse(File.ReadAllText(SchemaFile("MicrosoftTeams.schema.json")))!["properties"]!["manifestVersion"]!["const"];

    private static JsonObject Json(ZipArchive zip, string entry) => JsonNode.Parse(Bytes(zip, entry))!.AsObject();

    private static byte[] Bytes(ZipArchive zip, string entry)
    {
        using var stream = zip.GetEntry(entry)!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>The schema's complaints, down to the innermost: an array item's error holds its item's own errors.</summary>
    private static async Task<IReadOnlyList<string>> Errors(Lazy<Task<JsonSchema>> schema, JsonObject json) =>
        [.. Innermost((await schema.Value).Validate(json.ToJsonString())).Select(error => $"{error.Path}: {error.Kind}")];

    private static IEnumerable<ValidationError> Innermost(IEnumerable<ValidationError> errors) => errors.SelectMany(error =>
        error is ChildSchemaValidationError child ? Innermost(child.Errors.Values.SelectMany(inner => inner)) : [error]);

    private static async Task ShouldBeValidAsync(Lazy<Task<JsonSchema>> schema, JsonObject json) =>
        (await Errors(schema, json)).ShouldBeEmpty(json.ToJsonString());
}
