using Microsoft.Extensions.Options;
using Quartz;

namespace RelanceBot.Scheduling;

/// <summary>The one Quartz job type: each <see cref="ScheduledJob"/> is a Quartz job of this type named after it.</summary>
[DisallowConcurrentExecution]
internal sealed class QuartzScheduledJob(ScheduledJobRunner runner, IOptions<SchedulingOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Value.RunJobs)
        {
            await runner.RunAsync(context.JobDetail.Key.Name, cancellationToken);
        }
    }
}
