using Quartz;

namespace RelanceBot.Reminders;

/// <summary>Quartz only triggers the sweep; the schedule itself lives in the app's tables (see docs/architecture.md).</summary>
[DisallowConcurrentExecution]
public sealed class SweepRemindersJob(SweepDueReminders sweep) : IJob
{
    public static readonly JobKey Key = new("sweep-reminders", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweep.RunAsync(cancellationToken);
}
