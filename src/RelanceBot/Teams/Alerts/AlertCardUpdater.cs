using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Persistence;
using RelanceBot.Teams.Cards;

namespace RelanceBot.Teams.Alerts;

/// <summary>
/// Replaces a posted alert card for everyone, at once (an invoke's answer only refreshes it for the person who
/// clicked). The card was sent through the outbox, which kept the message's id.
/// </summary>
public sealed class AlertCardUpdater(RelanceBotDbContext db, IConnectorClient connector, ILogger<AlertCardUpdater> logger)
{
    /// <param name="clickedActivityId">The id of the message that was clicked, used when the channel returned none.</param>
    public async Task UpdateForEveryoneAsync(Guid alertId, JsonObject card, string? clickedActivityId, CancellationToken cancellationToken)
    {
        var key = TeamsChannelOutbox.AlertKey(alertId);
        var posted = await (
                from message in db.OutboxMessages
                where message.IdempotencyKey == key
                join channel in db.ConversationReferences on message.ConversationReferenceId equals (Guid?)channel.Id
                select new { message.ChannelMessageId, channel.ServiceUrl, channel.ConversationId })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        var activityId = posted?.ChannelMessageId ?? clickedActivityId;
        if (posted is null || activityId is null)
        {
            return;
        }

        var update = AdaptiveCardAttachment.Message(card) with
        {
            Id = activityId,
            Conversation = new ConversationAccount { Id = posted.ConversationId },
        };
        try
        {
            await connector.UpdateActivityAsync(posted.ServiceUrl, posted.ConversationId, activityId, update, cancellationToken);
        }
        catch (ConnectorException e)
        {
            // The action itself has taken effect; only the others' view of the card is stale.
            logger.LogWarning(e, "The card of alert {AlertId} could not be updated for everyone", alertId);
        }
    }
}
