using Microsoft.Extensions.Options;
using Quartz;
using RelanceBot.Teams.Alerts;

namespace RelanceBot.Teams;

/// <summary>Posts pending alert cards; scheduled every minute.</summary>
public sealed class AlertCardsJob(AlertCardDispatcher dispatcher, IOptions<TeamsOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Value.RunScheduledJobs)
        {
            await dispatcher.DispatchAsync(cancellationToken);
        }
    }
}
