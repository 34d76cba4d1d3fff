namespace RelanceBot.Tests.Cli;

/// <summary>The command line as a user meets it: a real process, which must never start a second bot by mistake.</summary>
public sealed class CommandLineProcessTests : IDisposable
{
    private static readonly string[] CommandNames = ["practices", "import", "preview", "pay-link", "connect-stripe", "demo", "teams-package"];

    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_ListsEveryCommandOnOneLine_AndBuildsNothing(string help)
    {
        var result = await _cli.RunAsync(help);

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split('\n');
        foreach (var name in CommandNames)
        {
            lines.ShouldContain(line => line.TrimStart().StartsWith(name + " ", StringComparison.Ordinal), 1, name);
        }

        File.Exists(_cli.DatabaseFile).ShouldBeFalse("help must not open the database");
    }

    [Fact]
    public async Task HelpOfACommand_DescribesItsOptions()
    {
        var result = await _cli.RunAsync("help", "import");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("--file");
        File.Exists(_cli.DatabaseFile).ShouldBeFalse();
    }

    [Fact]
    public async Task UnknownCommand_ExitsWith2_ListsTheCommands_AndBuildsNothing()
    {
        var result = await _cli.RunAsync("frobnicate", "--now");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Unknown command 'frobnicate'");
        result.Error.ShouldContain("pay-link");
        File.Exists(_cli.DatabaseFile).ShouldBeFalse();
    }

    [Fact]
    public async Task DotnetRun_ResolvesTheFileFromTheShellsDirectory_NotTheProjects()
    {
        var shell = Directory.CreateDirectory(Path.Combine(_cli.WorkingDirectory, "shell")).FullName;
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "invoices.csv"), "patient_reference;amount\n");

        var result = await _cli.DotnetRunAsync(shell, "import", "--practice", Guid.NewGuid().ToString(), "--file", "../invoices.csv");

        // The file was found (so the practice is what is missing), where the user's "../" points.
        result.Error.ShouldNotContain("does not exist");
        result.Error.ShouldContain("--practice: no practice");
        result.ExitCode.ShouldBe(1);
    }
}
