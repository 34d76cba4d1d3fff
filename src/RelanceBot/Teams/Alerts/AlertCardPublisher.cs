using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Conversations;
using RelanceBot.Persistence;
using RelanceBot.Teams.Cards;

namespace RelanceBot.Teams.Alerts;

/// <summary>Posts alert cards to a practice's channel and updates them in place for everyone.</summary>
public sealed class AlertCardPublisher(
    RelanceBotDbContext db,
    TeamsChannelPoster poster,
    IConnectorClient connector,
    TimeProvider time,
    ILogger<AlertCardPublisher> logger)
{
    /// <summary>Posts the card as a new post of the channel and remembers where, in the same save.</summary>
    public async Task PostAsync(StaffAlert alert, JsonObject card, ConversationReferenceRecord channel, CancellationToken cancellationToken)
    {
        var activityId = await poster.PostAsync(channel, card, cancellationToken);
        db.StaffAlertCards.Add(StaffAlertCard.Posted(
            alert.Id, alert.PracticeId, channel.ServiceUrl, channel.ConversationId, activityId, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces the posted card for everyone (an invoke's answer only refreshes it for the person who clicked).
    /// A failure is logged, not thrown: the action itself has already taken effect.
    /// </summary>
    /// <param name="clickedActivityId">The id of the message that was clicked, used when the post's id is unknown.</param>
    public async Task UpdateForEveryoneAsync(Guid alertId, JsonObject card, string? clickedActivityId, CancellationToken cancellationToken)
    {
        var posted = await db.StaffAlertCards.AsNoTracking().SingleOrDefaultAsync(c => c.AlertId == alertId, cancellationToken);
        var activityId = posted?.ActivityId ?? clickedActivityId;
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
            logger.LogWarning(e, "The card of alert {AlertId} could not be updated for everyone", alertId);
        }
    }
}
