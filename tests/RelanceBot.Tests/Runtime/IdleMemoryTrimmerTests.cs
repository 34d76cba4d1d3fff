using Microsoft.Extensions.Logging.Abstractions;
using RelanceBot.Runtime;

namespace RelanceBot.Tests.Runtime;

public sealed class IdleMemoryTrimmerTests
{
    private const long MegaByte = 1 << 20;

    private readonly IdleMemoryTrimmer _trimmer = new(NullLogger<IdleMemoryTrimmer>.Instance);

    [Fact]
    public void After_a_burst_the_first_quiet_interval_trims_once()
    {
        _trimmer.ShouldTrim(100 * MegaByte).ShouldBeFalse("the start allocated 100 MB during this interval: busy");
        _trimmer.ShouldTrim(100 * MegaByte + 300_000).ShouldBeTrue("quiet now, after 100 MB");
        _trimmer.ShouldTrim(100 * MegaByte + 600_000).ShouldBeFalse("nothing worth trimming since");
    }

    [Fact]
    public void Steady_traffic_never_trims()
    {
        for (var tick = 1; tick <= 100; tick++)
        {
            _trimmer.ShouldTrim(tick * 2 * MegaByte).ShouldBeFalse($"tick {tick}: 2 MB allocated in each interval");
        }
    }

    [Fact]
    public void A_quiet_app_trims_again_only_after_enough_new_allocation()
    {
        _trimmer.ShouldTrim(64 * MegaByte).ShouldBeFalse();
        _trimmer.ShouldTrim(64 * MegaByte).ShouldBeTrue();

        // A few turns (small bursts) followed by quiet: not yet worth a full collection.
        _trimmer.ShouldTrim(72 * MegaByte).ShouldBeFalse();
        _trimmer.ShouldTrim(72 * MegaByte).ShouldBeFalse("8 MB since the last trim");

        // A reminder sweep, then quiet.
        _trimmer.ShouldTrim(330 * MegaByte).ShouldBeFalse();
        _trimmer.ShouldTrim(330 * MegaByte + 1000).ShouldBeTrue();
    }
}
