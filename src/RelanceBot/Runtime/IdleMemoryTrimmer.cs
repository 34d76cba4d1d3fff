namespace RelanceBot.Runtime;

/// <summary>
/// Gives the memory the garbage collector keeps for the next burst back to the system once the app has gone quiet.
/// </summary>
/// <remarks>
/// Server GC sizes its allocation budgets for throughput (the reminder sweep allocates ~250 MB a run), and nothing
/// collects while the app is idle, so after start or a burst tens of megabytes stay committed for garbage nobody
/// will reclaim until the next one (after start and one turn: 55-60 MB committed for 35 MB live). When an interval
/// passes with almost no allocation after enough allocation since the last trim, one aggressive collection compacts
/// the heap and decommits what it does not hold. It runs only after a quiet interval, so its pause (one full collection)
/// seldom meets a request, and at most once per <see cref="WorthTrimmingBytes"/> allocated, so steady traffic never
/// pays for it.
/// </remarks>
public sealed partial class IdleMemoryTrimmer(ILogger<IdleMemoryTrimmer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Allocated within one interval, still quiet: the outbox poll and the log checkpoint allocate a little.</summary>
    public const long QuietBytes = 1 << 20;

    /// <summary>Allocated since the last trim before another full collection is worth its pause.</summary>
    public const long WorthTrimmingBytes = 16 << 20;

    private long _allocatedAtPreviousTick;
    private long _allocatedAtLastTrim;

    /// <summary>Whether to trim now, given the bytes allocated by the process so far; called every <see cref="Interval"/>.</summary>
    public bool ShouldTrim(long allocatedBytes)
    {
        var quiet = allocatedBytes - _allocatedAtPreviousTick <= QuietBytes;
        _allocatedAtPreviousTick = allocatedBytes;
        if (!quiet || allocatedBytes - _allocatedAtLastTrim < WorthTrimmingBytes)
        {
            return false;
        }

        _allocatedAtLastTrim = allocatedBytes;
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The machine's clock, not the app's: idleness is the process's own, and an app clock moved by days (as the
        // tests move it) would tick back to back, each tick looking quiet, and collect on every move.
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (ShouldTrim(GC.GetTotalAllocatedBytes()))
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                LogTrimmed(GC.GetGCMemoryInfo().TotalCommittedBytes >> 20);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Idle: the garbage collector gave back its spare memory ({CommittedMegabytes} MB committed).")]
    private partial void LogTrimmed(long committedMegabytes);
}
