using Microsoft.Extensions.Options;

namespace RelanceBot.Outbox;

/// <summary>Runs the dispatcher whenever messages are saved, and every poll interval for those that fall due.</summary>
internal sealed class OutboxDispatcherService(
    OutboxDispatcher dispatcher,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The loop must survive a database hiccup; the next poll tries again.
                logger.LogError(exception, "The outbox dispatcher failed; retrying at the next poll");
                await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }
}
