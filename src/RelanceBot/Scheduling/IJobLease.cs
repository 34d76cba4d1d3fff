namespace RelanceBot.Scheduling;

/// <summary>Decides which instance runs a job's period: the only one across instances that gets a lease.</summary>
public interface IJobLease
{
    /// <summary>The lease on <paramref name="job"/>'s period starting at <paramref name="period"/>, or null when another run holds or held it.</summary>
    Task<IAsyncDisposable?> TryTakeAsync(ScheduledJob job, DateTimeOffset period, CancellationToken cancellationToken);
}
