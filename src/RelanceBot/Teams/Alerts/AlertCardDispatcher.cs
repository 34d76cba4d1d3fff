using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Persistence;

namespace RelanceBot.Teams.Alerts;

/// <summary>
/// Puts the card of every open alert not sent yet in the outbox, for its practice's linked channel. Run every minute;
/// an alert raised while no channel is linked waits for one.
/// </summary>
public sealed class AlertCardDispatcher(
    RelanceBotDbContext db,
    AlertCardSubjects subjects,
    AlertCardComposer composer,
    TeamsChannelOutbox outbox,
    TimeProvider time)
{
    /// <returns>How many cards were enqueued.</returns>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        // Open alerts are few (each one waits for a person), so they are all read and the sent ones skipped.
        var open = await (
                from alert in db.StaffAlerts
                where alert.Status == StaffAlertStatus.Open
                join practice in db.Practices on alert.PracticeId equals practice.Id
                where practice.TeamsAlertChannelReferenceId != null
                orderby alert.CreatedAt
                select new { Alert = alert, ChannelId = practice.TeamsAlertChannelReferenceId!.Value, practice.Language })
            .ToListAsync(cancellationToken);
        var keys = open.Select(item => TeamsChannelOutbox.AlertKey(item.Alert.Id)).ToList();
        var sent = (await db.OutboxMessages.Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var enqueued = 0;
        foreach (var item in open.Where(item => !sent.Contains(TeamsChannelOutbox.AlertKey(item.Alert.Id))))
        {
            var card = composer.Compose(
                await subjects.LoadAsync(item.Alert, cancellationToken), item.Language, time.GetUtcNow());
            if (await outbox.EnqueueAsync(
                    TeamsChannelOutbox.AlertKey(item.Alert.Id), item.Alert.PracticeId, item.ChannelId, card, cancellationToken))
            {
                enqueued++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return enqueued;
    }
}
