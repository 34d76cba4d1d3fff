using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Persistence;
using RelanceBot.Alerts;

namespace RelanceBot.Teams.Digest;

/// <summary>
/// Puts each linked practice's digest in the outbox once per local day, from the configured time (08:30) on; the
/// outbox key <c>digest:{practice}:{date}</c> makes it once-only. Checked every minute rather than one cron per
/// practice: time zones and restarts then need no special case.
/// </summary>
public sealed class DailyDigest(
    RelanceBotDbContext db,
    DigestFiguresQuery figures,
    DigestCardComposer composer,
    TeamsChannelOutbox outbox,
    TimeProvider time,
    IOptions<TeamsOptions> options)
{
    /// <returns>How many digests were enqueued.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var practices = await db.Practices
            .Where(p => p.TeamsAlertChannelReferenceId != null)
            .Select(p => new { p.Id, p.Name, p.TimeZoneId, p.Language, ChannelId = p.TeamsAlertChannelReferenceId!.Value })
            .ToListAsync(cancellationToken);

        var enqueued = 0;
        foreach (var practice in practices)
        {
            var timeZone = TimeZoneInfo.FindSystemTimeZoneById(practice.TimeZoneId);
            var local = TimeZoneInfo.ConvertTime(now, timeZone).DateTime;
            var localDate = DateOnly.FromDateTime(local);
            var key = TeamsChannelOutbox.DigestKey(practice.Id, localDate);
            if (TimeOnly.FromDateTime(local) < options.Value.DigestTime
                || await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key, cancellationToken))
            {
                continue;
            }

            var card = composer.Compose(
                practice.Name, await figures.ComputeAsync(practice.Id, localDate, timeZone, cancellationToken), practice.Language);
            if (await outbox.EnqueueAsync(key, practice.Id, practice.ChannelId, card, cancellationToken))
            {
                enqueued++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return enqueued;
    }
}
