using System.Globalization;

namespace RelanceBot.LoadDriver;

/// <summary>
/// Command line: <c>--app path/RelanceBot.dll --duration 20 --warmup 30 --concurrency 8 --channel messages|directline</c>
/// (<c>messages</c>: <c>/api/messages</c> with expectReplies; <c>directline</c>: the built-in Direct Line endpoint).
/// </summary>
/// <remarks>
/// The warm-up is long because the runtime keeps recompiling the app's hot methods (tiered, profile-guided) for about
/// 25 seconds under this load: measured earlier, a quarter of the app's CPU was the JIT compiler, which a service
/// that has been up for a minute no longer pays.
/// </remarks>
internal sealed record DriverOptions(string AppPath, TimeSpan Duration, TimeSpan Warmup, int Concurrency, string Channel)
{
    public static DriverOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new DriverOptions(
            Path.GetFullPath(values.GetValueOrDefault("app") ?? DefaultAppPath()),
            TimeSpan.FromSeconds(Seconds(values, "duration", 20)),
            TimeSpan.FromSeconds(Seconds(values, "warmup", 30)),
            (int)Seconds(values, "concurrency", 8),
            values.GetValueOrDefault("channel") ?? "messages");
    }

    private static double Seconds(Dictionary<string, string> values, string name, double fallback)
        => values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The Release build of the app next to this repository's solution.</summary>
    private static string DefaultAppPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RelanceBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("Pass --app path/to/RelanceBot.dll (no RelanceBot.sln above the driver).")
            : Path.Combine(directory.FullName, "src", "RelanceBot", "bin", "Release", "net10.0", "RelanceBot.dll");
    }
}
