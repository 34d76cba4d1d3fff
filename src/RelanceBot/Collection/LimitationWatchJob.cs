using RelanceBot.Scheduling;

namespace RelanceBot.Collection;

/// <summary>The scheduled run of <see cref="LimitationWatch"/>.</summary>
public sealed class LimitationWatchJob(LimitationWatch watch) : IScheduledWork
{
    public const string Name = "limitation-watch";

    public async Task RunAsync(CancellationToken cancellationToken) => await watch.WarnAsync(cancellationToken);
}
