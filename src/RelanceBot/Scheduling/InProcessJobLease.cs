namespace RelanceBot.Scheduling;

/// <summary>
/// One instance (SQLite): Quartz's <see cref="Quartz.DisallowConcurrentExecutionAttribute"/> already keeps a job's runs
/// apart, and every job only does what is due, so a second run in a period finds nothing left.
/// </summary>
internal sealed class InProcessJobLease : IJobLease
{
    public Task<IAsyncDisposable?> TryTakeAsync(ScheduledJob job, DateTimeOffset period, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(NothingHeld.Instance);

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
