namespace RelanceBot.LoadDriver;

/// <summary>Turn latencies of one worker (no locking on the hot path); merged at the end.</summary>
internal sealed class LatencyRecorder
{
    public List<double> Milliseconds { get; } = new(capacity: 100_000);

    public int Errors { get; set; }

    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
        => sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
