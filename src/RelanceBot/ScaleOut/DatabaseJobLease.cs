using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;
using RelanceBot.Scheduling;

namespace RelanceBot.ScaleOut;

/// <summary>
/// A job's period is taken by one insert on the job's row, which succeeds only for a later period than the last one
/// taken and once that run's lease has passed (it ended, or its instance died): every instance's trigger fires, one
/// runs. The lease is given back when the run ends.
/// </summary>
internal sealed class DatabaseJobLease(IServiceScopeFactory scopes, TimeProvider time) : IJobLease
{
    public async Task<IAsyncDisposable?> TryTakeAsync(ScheduledJob job, DateTimeOffset period, CancellationToken cancellationToken)
    {
        var holder = Guid.CreateVersion7(time.GetUtcNow());
        var now = time.GetUtcNow();
        var leaseUntil = now + job.Lease;
        await using var scope = scopes.CreateAsyncScope();
        var taken = await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "JobLeases" ("JobName", "Period", "Holder", "LeaseUntil") VALUES ({job.Name}, {period}, {holder}, {leaseUntil})
            ON CONFLICT ("JobName") DO UPDATE SET "Period" = excluded."Period", "Holder" = excluded."Holder", "LeaseUntil" = excluded."LeaseUntil"
            WHERE "JobLeases"."Period" < excluded."Period" AND "JobLeases"."LeaseUntil" <= {now}
            """,
            cancellationToken);
        return taken == 1 ? new Held(this, job.Name, holder) : null;
    }

    private async Task ReleaseAsync(string jobName, Guid holder)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Set<JobLease>()
            .Where(lease => lease.JobName == jobName && lease.Holder == holder)
            .ExecuteUpdateAsync(setters => setters.SetProperty(lease => lease.LeaseUntil, now), CancellationToken.None);
    }

    private sealed class Held(DatabaseJobLease leases, string jobName, Guid holder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await leases.ReleaseAsync(jobName, holder);
    }
}
