using RelanceBot.Scheduling;

namespace RelanceBot.Reminders;

/// <summary>The scheduler only triggers the sweep; the schedule itself lives in the app's tables (see docs/architecture.md).</summary>
public sealed class SweepRemindersJob(SweepDueReminders sweep) : IScheduledWork
{
    public const string Name = "sweep-reminders";

    public async Task RunAsync(CancellationToken cancellationToken) => await sweep.RunAsync(cancellationToken);
}
