using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;
using RelanceBot.Scheduling;

namespace RelanceBot.ScaleOut;

/// <summary>Deletes de-duplication claims whose window has passed, so the table holds about a window's traffic.</summary>
internal sealed class ProcessedActivitiesPurge(RelanceBotDbContext db, TimeProvider time) : IScheduledWork
{
    public const string Name = "purge-processed-activities";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.Set<ProcessedActivity>().Where(row => row.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
