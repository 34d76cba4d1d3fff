using RelanceBot.Scheduling;
using RelanceBot.Teams.Alerts;

namespace RelanceBot.Teams;

/// <summary>Posts pending alert cards; scheduled every minute.</summary>
public sealed class AlertCardsJob(AlertCardDispatcher dispatcher) : IScheduledWork
{
    public const string Name = "alert-cards";

    public async Task RunAsync(CancellationToken cancellationToken) => await dispatcher.DispatchAsync(cancellationToken);
}
