using System.Diagnostics;

namespace RelanceBot.Tests.Cli;

/// <summary>
/// The real executable run as a user runs it, with its own SQLite file: <c>dotnet RelanceBot.dll …</c> from the test
/// output, or <c>dotnet run --project src/RelanceBot …</c>. A run that does not end in time started the web host.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly string _directory = Directory.CreateTempSubdirectory("relancebot-cli-").FullName;

    /// <summary>A directory of the test's own, the shell's current directory of the runs.</summary>
    public string WorkingDirectory => _directory;

    public string DatabaseFile => Path.Combine(_directory, "cli.db");

    /// <summary>Settings given to the runs as environment variables (<c>Section__Key</c>), over the app's own.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public Task<CliResult> RunAsync(params string[] args) =>
        RunAsync(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "RelanceBot.dll"), .. args]));

    /// <summary><c>dotnet run --no-build</c> of the already built app, from <paramref name="shellDirectory"/>.</summary>
    public Task<CliResult> DotnetRunAsync(string shellDirectory, params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        var start = new ProcessStartInfo(
            "dotnet", ["run", "--no-build", "-c", configuration, "--project", ProjectDirectory(), "--", .. args])
        {
            WorkingDirectory = shellDirectory,
        };
        start.Environment["PWD"] = shellDirectory; // What a shell sets.
        return RunAsync(start);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<CliResult> RunAsync(ProcessStartInfo start)
    {
        if (string.IsNullOrEmpty(start.WorkingDirectory))
        {
            start.WorkingDirectory = _directory;
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ConnectionStrings__RelanceBot"] = $"Data Source={DatabaseFile}";
        start.Environment["Database__Provider"] = "Sqlite";
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', start.ArgumentList)}' still ran after {Timeout}: it started the web host.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    private static string ProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "RelanceBot");
            if (File.Exists(Path.Combine(project, "RelanceBot.csproj")))
            {
                return project;
            }
        }

        throw new InvalidOperationException("src/RelanceBot not found above the test output.");
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);
