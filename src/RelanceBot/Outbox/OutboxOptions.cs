using System.ComponentModel.DataAnnotations;

namespace RelanceBot.Outbox;

public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Off for instances that only enqueue (e.g. a web front end scaled apart from the dispatcher).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Sends in flight at once, across all the batches in flight.</summary>
    [Range(1, 256)]
    public int MaxParallelSends { get; set; } = 16;

    /// <summary>Batches worked on at once, so database round trips overlap with sends.</summary>
    [Range(1, 8)]
    public int BatchesInFlight { get; set; } = 2;

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim holds a message unless renewed: a crashed dispatcher's messages are claimed again after it, so
    /// it bounds how late after a crash they are resent (a minute at most). A live dispatcher renews it every third of
    /// it while its batch is worked on, so it may be shorter than a batch's sends or <see cref="SendTimeout"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts on one channel before a transient failure is taken as final (and the fallback runs).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Exponential back-off: base, 2×base, 4×base… capped. <paramref name="attempts"/> counts the failed ones.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, MaxRetryDelay.Ticks));
    }
}
