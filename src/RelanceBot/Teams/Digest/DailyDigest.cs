using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework.Connector;
using RelanceBot.Persistence;
using RelanceBot.Teams.Alerts;

namespace RelanceBot.Teams.Digest;

/// <summary>
/// Sends each practice with a linked channel its digest once per local day, from the configured time (08:30) on.
/// Checked every minute rather than one cron per practice: time zones and restarts then need no special case.
/// </summary>
public sealed class DailyDigest(
    RelanceBotDbContext db,
    DigestFiguresQuery figures,
    DigestCardComposer composer,
    TeamsChannelPoster poster,
    TimeProvider time,
    IOptions<TeamsOptions> options,
    ILogger<DailyDigest> logger)
{
    /// <returns>How many digests were sent.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var practices = await (
                from practice in db.Practices
                join channel in db.ConversationReferences on practice.TeamsAlertChannelReferenceId equals (Guid?)channel.Id
                select new { practice.Id, practice.Name, practice.TimeZoneId, Channel = channel })
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var practice in practices)
        {
            var timeZone = TimeZoneInfo.FindSystemTimeZoneById(practice.TimeZoneId);
            var local = TimeZoneInfo.ConvertTime(now, timeZone).DateTime;
            var localDate = DateOnly.FromDateTime(local);
            if (TimeOnly.FromDateTime(local) < options.Value.DigestTime
                || await db.TeamsDigestDeliveries.AnyAsync(d => d.PracticeId == practice.Id && d.LocalDate == localDate, cancellationToken))
            {
                continue;
            }

            var card = composer.Compose(
                practice.Name, await figures.ComputeAsync(practice.Id, localDate, timeZone, cancellationToken), AlertActionHandler.CardLanguage);
            try
            {
                await poster.PostAsync(practice.Channel, card, cancellationToken);
            }
            catch (ConnectorException e) when (e.StatusCode == HttpStatusCode.TooManyRequests)
            {
                logger.LogWarning("Teams is throttling digests; the rest waits for the next pass");
                break;
            }
            catch (ConnectorException e)
            {
                logger.LogWarning(e, "The digest of practice {PracticeId} could not be posted; it will be tried again", practice.Id);
                continue;
            }

            db.TeamsDigestDeliveries.Add(TeamsDigestDelivery.Sent(practice.Id, localDate, now));
            await db.SaveChangesAsync(cancellationToken);
            sent++;
        }

        return sent;
    }
}
