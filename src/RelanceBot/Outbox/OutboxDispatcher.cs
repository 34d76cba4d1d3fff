using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Auditing;
using RelanceBot.Delivery;
using RelanceBot.Persistence;

namespace RelanceBot.Outbox;

/// <summary>
/// Claims due messages in batches under a lease, sends them in parallel and records each outcome. Several dispatchers
/// (threads or processes) may run on one database: a message is claimed by one of them at a time. The lease is short
/// (<see cref="OutboxOptions.LeaseDuration"/>, at most a minute) and renewed while the batch is worked on, however long
/// its sends take, so a crash leaves its claimed messages <see cref="OutboxStatus.Sending"/> for less than a lease;
/// they are then sent again, so at most the messages in flight at the crash can be delivered twice.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : IDisposable
{
    /// <summary>The audit log's name for the dispatcher.</summary>
    public const string AuditActor = "outbox-dispatcher";

    // Shared by the batches in flight, so pipelining batches never exceeds the configured number of sends.
    private readonly SemaphoreSlim _sendSlots = new(options.Value.MaxParallelSends, options.Value.MaxParallelSends);

    /// <summary>Dispatches batches until nothing is due; returns how many messages were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        // Several batches in flight: while one is claimed or settled in the database, another is being sent.
        var pipelines = Enumerable.Range(0, options.Value.BatchesInFlight).Select(_ => DrainAsync(cancellationToken));
        return (await Task.WhenAll(pipelines)).Sum();
    }

    public void Dispose() => _sendSlots.Dispose();

    private async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int claimed;
        do
        {
            claimed = await DispatchBatchAsync(cancellationToken);
            total += claimed;
        }
        while (claimed > 0 && !cancellationToken.IsCancellationRequested);

        return total;
    }

    /// <summary>Claims, sends and settles one batch; returns how many messages were claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        // What settling a batch changes (delivery records, fallback alerts) is the dispatcher's doing, in every scope
        // this batch opens (lanes, lease renewals).
        ScopedAuditActor.UseForFlow(AuditActor);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var owner = Guid.CreateVersion7(time.GetUtcNow());
        var batch = await ClaimAsync(db, owner, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        // Claimed messages are sent and recorded even when the host is stopping: abandoning them would only leave
        // them to be sent again once their lease ends.
        using var batchDone = new CancellationTokenSource();
        var renewal = RenewLeaseUntilDoneAsync(owner, batchDone.Token);
        try
        {
            var outcomes = new ConcurrentDictionary<OutboxMessage, SendOutcome>();
            var queue = new ConcurrentQueue<OutboxMessage>(batch);
            var lanes = Math.Min(options.Value.MaxParallelSends, batch.Count);
            await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => RunLaneAsync(queue, outcomes)));

            var fallback = scope.ServiceProvider.GetRequiredService<DeliveryFallback>();
            var configuration = scope.ServiceProvider.GetRequiredService<DeliveryConfigurationAlerts>();
            foreach (var message in batch)
            {
                await SettleAsync(message, outcomes[message], fallback, configuration);
            }

            foreach (var observer in scope.ServiceProvider.GetServices<IOutboxOutcomeObserver>())
            {
                await observer.RecordAsync(batch, CancellationToken.None);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            await batchDone.CancelAsync();
            await renewal;
        }

        return batch.Count;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(RelanceBotDbContext db, Guid owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leaseUntil = now + options.Value.LeaseDuration;
        var claimable = db.OutboxMessages.Where(message =>
            (message.Status == OutboxStatus.Pending && message.NextAttemptAt <= now)
            || (message.Status == OutboxStatus.Sending && message.LeaseUntil < now));
        var batch = (db.SharedByInstances
                ? UnlockedBatch(db, now, options.Value.BatchSize)
                : claimable.OrderBy(message => message.NextAttemptAt).Take(options.Value.BatchSize))
            .Select(message => message.Id);

        // One UPDATE takes the batch, so two dispatchers never both claim a message. The claimable test is repeated
        // outside the sub-query because PostgreSQL re-checks only the outer condition on a row a concurrent claim
        // changed while this one waited for its lock.
        var claimed = await claimable
            .Where(message => batch.Contains(message.Id))
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(message => message.Status, OutboxStatus.Sending)
                    .SetProperty(message => message.LeaseOwner, owner)
                    .SetProperty(message => message.LeaseUntil, leaseUntil)
                    .SetProperty(message => message.Attempts, message => message.Attempts + 1),
                cancellationToken);
        return claimed == 0 ? [] : await db.OutboxMessages.Where(message => message.LeaseOwner == owner).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// PostgreSQL, with several instances: the next batch among the claimable messages no other dispatcher is claiming
    /// right now (<c>FOR UPDATE SKIP LOCKED</c>, the limit inside so only the batch is locked), so concurrent claims take
    /// different batches instead of queuing on the same rows and coming back with nothing. The same test as the
    /// portable query's, which stays the outer condition.
    /// </summary>
    private static IQueryable<OutboxMessage> UnlockedBatch(RelanceBotDbContext db, DateTimeOffset now, int size) =>
        db.OutboxMessages.FromSql(
            $"""
            SELECT * FROM "OutboxMessages"
            WHERE ("Status" = 'Pending' AND "NextAttemptAt" <= {now}) OR ("Status" = 'Sending' AND "LeaseUntil" < {now})
            ORDER BY "NextAttemptAt" LIMIT {size}
            FOR UPDATE SKIP LOCKED
            """);

    /// <summary>
    /// Extends the batch's lease every third of it until the batch is settled: the lease stays short enough for a
    /// crashed dispatcher's messages to be taken back within a minute, yet a live dispatcher whose sends are slow (a
    /// batch of slow SMTP relays can take several leases) never sees another one claim them under its feet.
    /// </summary>
    private async Task RenewLeaseUntilDoneAsync(Guid owner, CancellationToken batchDone)
    {
        var lease = options.Value.LeaseDuration;
        while (true)
        {
            try
            {
                await Task.Delay(lease / 3, time, batchDone);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
                var leaseUntil = time.GetUtcNow() + lease;
                await db.OutboxMessages
                    .Where(message => message.LeaseOwner == owner && message.Status == OutboxStatus.Sending)
                    .ExecuteUpdateAsync(setters => setters.SetProperty(message => message.LeaseUntil, leaseUntil), batchDone);
            }
            catch (OperationCanceledException) when (batchDone.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The next renewal, a third of a lease later, may still be in time.
                logger.LogWarning(exception, "Renewing the lease of outbox claim {Owner} failed", owner);
            }
        }
    }

    /// <summary>
    /// Sends messages one after the other in one scope: a scope per message (a DbContext, its connection, the channel
    /// clients) costs more CPU than the send itself. The change tracker is cleared between messages, so a guard
    /// never decides on data loaded for the previous one.
    /// </summary>
    private async Task RunLaneAsync(ConcurrentQueue<OutboxMessage> queue, ConcurrentDictionary<OutboxMessage, SendOutcome> outcomes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
        while (queue.TryDequeue(out var message))
        {
            await _sendSlots.WaitAsync(CancellationToken.None);
            try
            {
                outcomes[message] = await SendAsync(sender, message);
            }
            finally
            {
                _sendSlots.Release();
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<SendOutcome> SendAsync(OutboxSender sender, OutboxMessage message)
    {
        using var timeout = new CancellationTokenSource(options.Value.SendTimeout, time);
        try
        {
            return await sender.SendAsync(message, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return SendOutcome.Delivered(DeliveryResult.Transient($"{message.Channel.ToString().ToLowerInvariant()} timeout"));
        }
        catch (Exception exception)
        {
            // A bug in one guard or channel must not stop the batch: the message is retried later.
            logger.LogError(exception, "Sending outbox message {MessageId} failed unexpectedly", message.Id);
            return SendOutcome.Delivered(DeliveryResult.Transient($"unexpected {exception.GetType().Name}"));
        }
    }

    private async Task SettleAsync(
        OutboxMessage message, SendOutcome outcome, DeliveryFallback fallback, DeliveryConfigurationAlerts configuration)
    {
        var now = time.GetUtcNow();
        if (outcome.SkipReason is { } skipReason)
        {
            message.MarkSkipped(skipReason);
            return;
        }

        var result = outcome.Delivery!;
        if (result.Fault is { } fault)
        {
            await configuration.ReportAsync(message.PracticeId, fault, CancellationToken.None);
        }

        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                message.MarkSent(result.ChannelMessageId, now);
                return;
            case DeliveryOutcome.TransientFailure when message.Attempts < options.Value.MaxAttempts:
                message.ScheduleRetry(result.Error!, now + options.Value.RetryDelay(message.Attempts));
                return;
            case DeliveryOutcome.TransientFailure:
                message.MarkFailed($"{result.Error} (gave up after {message.Attempts} attempts)");
                break;
            default:
                message.MarkFailed(result.Error!);
                break;
        }

        logger.LogWarning("Outbox message {MessageId} failed on {Channel}: {Reason}", message.Id, message.Channel, message.LastError);
        await fallback.ApplyAsync(message, CancellationToken.None);
    }
}
