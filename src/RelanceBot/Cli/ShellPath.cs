namespace RelanceBot.Cli;

/// <summary>
/// Paths typed on the command line, resolved from the directory the user typed them in. <c>dotnet run</c> starts the app
/// in its project directory (its content root) but leaves the shell's own directory in <c>PWD</c>.
/// </summary>
public static class ShellPath
{
    public static string Directory { get; } = FindDirectory();

    public static string Resolve(string path) => Path.GetFullPath(path, Directory);

    private static string FindDirectory()
    {
        var current = Environment.CurrentDirectory;
        var shell = Environment.GetEnvironmentVariable("PWD");
        // Only under `dotnet run` (started in the project directory): elsewhere PWD may be stale, set by a parent that
        // changed the working directory without updating it.
        var startedByDotnetRun = File.Exists(Path.Combine(current, "RelanceBot.csproj"));
        return startedByDotnetRun && shell is { Length: > 0 } && Path.IsPathFullyQualified(shell) && System.IO.Directory.Exists(shell)
            ? shell
            : current;
    }
}
