using RelanceBot.Scheduling;
using RelanceBot.Teams.Digest;

namespace RelanceBot.Teams;

/// <summary>Sends the digests that are due; scheduled every minute, each practice is served once per local day.</summary>
public sealed class DailyDigestJob(DailyDigest digest) : IScheduledWork
{
    public const string Name = "daily-digest";

    public async Task RunAsync(CancellationToken cancellationToken) => await digest.SendDueAsync(cancellationToken);
}
