using RelanceBot.Auditing;

namespace RelanceBot.Scheduling;

/// <summary>
/// Runs a job's current period if this instance gets its lease: in a scope of its own, as the job's audit actor
/// (also in the scopes the job opens itself).
/// </summary>
public sealed partial class ScheduledJobRunner(
    IEnumerable<ScheduledJob> jobs,
    IJobLease lease,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<ScheduledJobRunner> logger)
{
    private readonly Dictionary<string, ScheduledJob> _jobs = jobs.ToDictionary(job => job.Name, StringComparer.Ordinal);

    /// <returns>Whether this instance ran the job (false: another run has or had this period).</returns>
    public async Task<bool> RunAsync(string jobName, CancellationToken cancellationToken)
    {
        var job = _jobs[jobName];
        await using var held = await lease.TryTakeAsync(job, job.PeriodOf(time.GetUtcNow()), cancellationToken);
        if (held is null)
        {
            LogTaken(job.Name);
            return false;
        }

        ScopedAuditActor.UseForFlow(job.AuditActor);
        await using var scope = scopes.CreateAsyncScope();
        await ((IScheduledWork)scope.ServiceProvider.GetRequiredService(job.Work)).RunAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(LogLevel.Debug, "Job {Job} skipped: another instance has this period")]
    private partial void LogTaken(string job);
}
