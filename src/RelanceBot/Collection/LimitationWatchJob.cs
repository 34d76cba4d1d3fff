using Quartz;

namespace RelanceBot.Collection;

/// <summary>Looks for invoices close to their limitation; hourly is plenty for a warning given 60 days ahead.</summary>
[DisallowConcurrentExecution]
public sealed class LimitationWatchJob(LimitationWatch watch) : IJob
{
    public static readonly JobKey Key = new(nameof(LimitationWatchJob), "collection");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await watch.WarnAsync(cancellationToken);
}
