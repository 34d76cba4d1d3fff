namespace RelanceBot.Teams.Digest;

/// <summary>Stands in until the cadence records the reminders it sends: the digest then says "not tracked", never a false zero.</summary>
public sealed class UntrackedRemindersSent : IRemindersSentCounter
{
    public Task<int?> CountAsync(Guid practiceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        => Task.FromResult<int?>(null);
}
