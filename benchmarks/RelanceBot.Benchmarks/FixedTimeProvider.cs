namespace RelanceBot.Benchmarks;

/// <summary>A clock stopped at <see cref="Now"/>, so every run sweeps the same due set; the driver moves it by hand.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
