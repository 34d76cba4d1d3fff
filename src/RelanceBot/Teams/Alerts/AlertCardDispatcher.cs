using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.BotFramework.Connector;
using RelanceBot.Persistence;

namespace RelanceBot.Teams.Alerts;

/// <summary>
/// Posts the cards of open alerts not posted yet to their practice's linked channel, oldest first. Run every minute;
/// an alert raised while no channel is linked waits for one.
/// </summary>
public sealed class AlertCardDispatcher(
    RelanceBotDbContext db,
    AlertCardSubjects subjects,
    AlertCardComposer composer,
    AlertCardPublisher publisher,
    TimeProvider time,
    IOptions<TeamsOptions> options,
    ILogger<AlertCardDispatcher> logger)
{
    /// <returns>How many cards were posted.</returns>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var pending = await (
                from alert in db.StaffAlerts
                where alert.Status == StaffAlertStatus.Open && !db.StaffAlertCards.Any(card => card.AlertId == alert.Id)
                join practice in db.Practices on alert.PracticeId equals practice.Id
                join channel in db.ConversationReferences on practice.TeamsAlertChannelReferenceId equals (Guid?)channel.Id
                orderby alert.CreatedAt
                select new { Alert = alert, Channel = channel })
            .Take(options.Value.CardBatchSize)
            .ToListAsync(cancellationToken);

        var posted = 0;
        foreach (var item in pending)
        {
            var card = composer.Compose(
                await subjects.LoadAsync(item.Alert, cancellationToken), AlertActionHandler.CardLanguage, time.GetUtcNow());
            try
            {
                await publisher.PostAsync(item.Alert, card, item.Channel, cancellationToken);
                posted++;
            }
            catch (ConnectorException e) when (e.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The connector client already waited out Retry-After; still throttled: stop and let the next pass go on.
                logger.LogWarning("Teams is throttling alert cards; {Count} left for the next pass", pending.Count - posted);
                break;
            }
            catch (ConnectorException e)
            {
                logger.LogWarning(e, "The card of alert {AlertId} could not be posted; it will be tried again", item.Alert.Id);
            }
        }

        return posted;
    }
}
