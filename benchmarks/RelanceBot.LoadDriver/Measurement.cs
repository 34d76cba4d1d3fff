using System.Diagnostics;
using System.Globalization;

namespace RelanceBot.LoadDriver;

/// <summary>One measured window of one bot in one scenario.</summary>
internal sealed record Measurement(
    string Bot, Scenario Scenario, int Turns, int Unanswered, double TurnsPerSecond,
    double P50, double P95, double P99, double Max, double BotCpuPerTurnMs, double DriverCpuPerTurnMs, string LoadBefore, string LoadAfter)
{
    /// <summary>Keeps every worker busy until the warm-up and the measured window have passed; times the window only.</summary>
    public static async Task<Measurement> RunAsync(BotProcess bot, Scenario scenario, IReadOnlyList<ITurns> workers, DriverOptions options)
    {
        var recorders = workers.Select(_ => new LatencyRecorder()).ToList();
        var driverProcess = Process.GetCurrentProcess();
        TimeSpan botCpuAtStart = default, driverCpuAtStart = default;
        var measuring = 0;
        var loadBefore = LoadAverage();
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(workers.Select((worker, i) => Task.Run(async () =>
        {
            var recorder = recorders[i];
            while (Stopwatch.GetTimestamp() is var before && before < end)
            {
                var answered = await worker.NextTurnAsync(CancellationToken.None);
                if (before < measureFrom)
                {
                    continue;
                }

                if (Interlocked.Exchange(ref measuring, 1) == 0)
                {
                    botCpuAtStart = bot.ProcessorTime;
                    driverProcess.Refresh();
                    driverCpuAtStart = driverProcess.TotalProcessorTime;
                }

                recorder.Milliseconds.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                recorder.Errors += answered ? 0 : 1;
            }
        })));

        var botCpu = bot.ProcessorTime - botCpuAtStart;
        driverProcess.Refresh();
        var driverCpu = driverProcess.TotalProcessorTime - driverCpuAtStart;
        var latencies = recorders.SelectMany(recorder => recorder.Milliseconds).Order().ToList();
        return new Measurement(
            bot.Name, scenario, latencies.Count, recorders.Sum(recorder => recorder.Errors), latencies.Count / options.Duration.TotalSeconds,
            LatencyRecorder.Percentile(latencies, 50), LatencyRecorder.Percentile(latencies, 95), LatencyRecorder.Percentile(latencies, 99),
            latencies[^1], botCpu.TotalMilliseconds / latencies.Count, driverCpu.TotalMilliseconds / latencies.Count, loadBefore, LoadAverage());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Bot,-10} {Scenario.Name(),-13} {TurnsPerSecond,6:0} turns/s  p50 {P50,6:0.00}  p95 {P95,6:0.00}  p99 {P99,6:0.00}  max {Max,7:0.0} ms  "
        + $"cpu/turn bot {BotCpuPerTurnMs:0.000} + driver {DriverCpuPerTurnMs:0.000} ms  unanswered {Unanswered}/{Turns}  load {LoadBefore} → {LoadAfter}");

    // Other processes on the same cores inflate every figure: say how loaded the machine was.
    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
