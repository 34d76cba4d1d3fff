namespace RelanceBot.Benchmarks;

/// <summary>A clock stopped at one instant, so every run sweeps the same due set.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
