namespace RelanceBot.Scheduling;

/// <summary>What a <see cref="ScheduledJob"/> runs, resolved in a scope of its own whose audit actor is the job.</summary>
public interface IScheduledWork
{
    Task RunAsync(CancellationToken cancellationToken);
}
