using System.Diagnostics;
using System.Globalization;

namespace RelanceBot.LoadDriver;

/// <summary>
/// <c>coldstart [--runs 3] [--idle 20]</c>: starts RelanceBot (<c>dotnet RelanceBot.dll</c>) and times the first
/// answered turn (a "bonjour" with expectReplies, tried every 10 ms from the process start) — first on a new database
/// (created and migrated at start), then restarted on the same file — then reads its resident memory after
/// <c>--idle</c> seconds without traffic. The CPU the process used until its first answer is printed too: on a shared
/// machine the wall clock mostly measures the others.
/// </summary>
internal static class ColdStart
{
    public static async Task<int> RunAsync(DriverOptions options, int runs, TimeSpan idle)
    {
        var invariant = CultureInfo.InvariantCulture;
        var firstStarts = new List<double>();
        var restarts = new List<double>();
        var restartCpu = new List<double>();
        var idleMegabytes = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var directory = Directory.CreateTempSubdirectory("relancebot-coldstart-").FullName;
            var database = new Dictionary<string, string> { ["ConnectionStrings__RelanceBot"] = $"Data Source={Path.Combine(directory, "bench.db")}" };
            try
            {
                var loadBefore = LoadAverage();
                var (first, firstCpu, _) = await FirstAnsweredTurnAsync(options, database, TimeSpan.Zero);
                var (restart, cpu, rss) = await FirstAnsweredTurnAsync(options, database, idle);
                firstStarts.Add(first);
                restarts.Add(restart);
                restartCpu.Add(cpu);
                idleMegabytes.Add(rss);
                Console.WriteLine(string.Create(invariant,
                    $"run {run + 1}: first answered turn {first:0} ms (cpu {firstCpu:0} ms) on a new database, {restart:0} ms (cpu {cpu:0} ms) on restart; idle RSS after {idle.TotalSeconds:0} s {rss:0} MB  load {loadBefore} → {LoadAverage()}"));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        Console.WriteLine(string.Create(invariant,
            $"medians: new database {Median(firstStarts):0} ms, restart {Median(restarts):0} ms (cpu {Median(restartCpu):0} ms), idle RSS {Median(idleMegabytes):0} MB"));
        return 0;
    }

    private static async Task<(double Milliseconds, double CpuMilliseconds, double IdleRssMegabytes)> FirstAnsweredTurnAsync(
        DriverOptions options, IReadOnlyDictionary<string, string> database, TimeSpan idle)
    {
        var started = Stopwatch.GetTimestamp();
        await using var app = BotProcess.LaunchRelanceBot(options.AppPath, database);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var conversation = new ExpectRepliesConversation(client, $"cold-{Guid.NewGuid():N}");
        while (true)
        {
            try
            {
                if ((await conversation.SayAsync("bonjour", CancellationToken.None)).Length > 0)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException("RelanceBot did not answer within 60 seconds.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, CancellationToken.None);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var cpu = app.ProcessorTime.TotalMilliseconds;
        if (idle > TimeSpan.Zero)
        {
            await Task.Delay(idle, TimeProvider.System, CancellationToken.None);
        }

        return (elapsed, cpu, app.WorkingSet / 1024.0 / 1024.0);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
