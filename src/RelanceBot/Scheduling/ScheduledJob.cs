namespace RelanceBot.Scheduling;

/// <summary>
/// A piece of work run every <see cref="Interval"/>, at most once per interval across every instance of the app.
/// Declared by its capability with <see cref="SchedulingServiceCollectionExtensions.AddScheduledJob{TWork}"/>.
/// </summary>
/// <param name="Name">Stable and unique: the Quartz job's name, the lease's key and the audit actor (<c>job:{name}</c>).</param>
/// <param name="FirstRunDelay">How long after start the first run waits, so startup (migrations, a restart) settles first.</param>
/// <param name="Lease">
/// How long a run may hold the job before another instance may take the next period: longer than a run takes, short
/// enough that a crashed instance's job resumes soon.
/// </param>
public sealed record ScheduledJob(string Name, Type Work, TimeSpan Interval, TimeSpan FirstRunDelay, TimeSpan Lease)
{
    public string AuditActor => $"job:{Name}";

    /// <summary>The start of the period <paramref name="now"/> falls in: periods are aligned on the Unix epoch, the same on every instance.</summary>
    public DateTimeOffset PeriodOf(DateTimeOffset now) =>
        DateTimeOffset.UnixEpoch + TimeSpan.FromTicks((now - DateTimeOffset.UnixEpoch).Ticks / Interval.Ticks * Interval.Ticks);
}
