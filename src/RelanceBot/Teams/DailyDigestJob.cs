using Microsoft.Extensions.Options;
using Quartz;
using RelanceBot.Teams.Digest;

namespace RelanceBot.Teams;

/// <summary>Sends the digests that are due; scheduled every minute, each practice is served once per local day.</summary>
public sealed class DailyDigestJob(DailyDigest digest, IOptions<TeamsOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Value.RunScheduledJobs)
        {
            await digest.SendDueAsync(cancellationToken);
        }
    }
}
