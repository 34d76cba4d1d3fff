using System.Globalization;

namespace RelanceBot.LoadDriver;

/// <summary>
/// Command line: <c>--bots relancebot,js --scenarios first-contact,dialogs --runs 3 --duration 20 --warmup 30
/// --concurrency 8 --database sqlite|postgresql --postgres "Host=…;Username=…" --channel messages|directline
/// --app path/RelanceBot.dll --js-bot path/js-reference-bot</c>; <c>coldstart --runs 3 --idle 20</c> for
/// <see cref="ColdStart"/>.
/// </summary>
/// <remarks>
/// The warm-up is long because the runtime keeps recompiling the app's hot methods (tiered, profile-guided) for about
/// 25 seconds under this load: measured earlier, a quarter of the app's CPU was the JIT compiler, which a service
/// that has been up for a minute no longer pays. <c>directline</c> drives RelanceBot's built-in Direct Line endpoint
/// (the reference bot has none), <c>messages</c> is <c>/api/messages</c> with expectReplies for both bots.
/// </remarks>
internal sealed record DriverOptions(
    string AppPath,
    string JsBotDirectory,
    IReadOnlyList<string> Bots,
    IReadOnlyList<Scenario> Scenarios,
    int Runs,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Concurrency,
    string Channel,
    string Database,
    string? PostgresConnectionString,
    TimeSpan Idle)
{
    public static DriverOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        var repository = RepositoryRoot();
        return new DriverOptions(
            Path.GetFullPath(values.GetValueOrDefault("app")
                ?? Path.Combine(repository, "src", "RelanceBot", "bin", "Release", "net10.0", "RelanceBot.dll")),
            Path.GetFullPath(values.GetValueOrDefault("js-bot") ?? Path.Combine(repository, "benchmarks", "js-reference-bot")),
            List(values, "bots", "relancebot,js"),
            [.. List(values, "scenarios", "first-contact,dialogs").Select(ScenarioNames.Parse)],
            (int)Number(values, "runs", 3),
            TimeSpan.FromSeconds(Number(values, "duration", 20)),
            TimeSpan.FromSeconds(Number(values, "warmup", 30)),
            (int)Number(values, "concurrency", 8),
            values.GetValueOrDefault("channel") ?? "messages",
            values.GetValueOrDefault("database") ?? "sqlite",
            values.GetValueOrDefault("postgres"),
            TimeSpan.FromSeconds(Number(values, "idle", 20)));
    }

    private static string[] List(Dictionary<string, string> values, string name, string fallback)
        => (values.GetValueOrDefault(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double Number(Dictionary<string, string> values, string name, double fallback)
        => values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The repository above the driver's build output.</summary>
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RelanceBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("Pass --app path/to/RelanceBot.dll and --js-bot (no RelanceBot.sln above the driver).");
    }
}
