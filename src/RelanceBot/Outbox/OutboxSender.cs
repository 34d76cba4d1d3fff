using Microsoft.EntityFrameworkCore;
using RelanceBot.Delivery;
using RelanceBot.Persistence;

namespace RelanceBot.Outbox;

/// <summary>Sends one claimed message, in its own scope: opt-out check, send guards, then the channel.</summary>
internal sealed class OutboxSender(
    RelanceBotDbContext db,
    IEnumerable<IOutboxSendGuard> guards,
    IEnumerable<IMessageDelivery> deliveries)
{
    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Purpose != OutboxPurpose.ConversationReply && await IsOptedOutAsync(message, cancellationToken))
        {
            // Not a skip: the message still matters, just not on this channel, so the fallback must run.
            return SendOutcome.Delivered(DeliveryResult.Permanent($"{message.Channel.ToString().ToLowerInvariant()} opted out"));
        }

        foreach (var guard in guards)
        {
            var decision = await guard.CheckAsync(message, cancellationToken);
            if (!decision.IsAllowed)
            {
                return SendOutcome.Skipped(decision.SkipReason!);
            }
        }

        var delivery = deliveries.FirstOrDefault(candidate => candidate.Channel == message.Channel)
            ?? throw new InvalidOperationException($"No delivery is registered for the {message.Channel} channel.");
        return SendOutcome.Delivered(await delivery.DeliverAsync(message, cancellationToken));
    }

    /// <summary>Whether the patient opted out of the channel the message targets, named or matched by address.</summary>
    private Task<bool> IsOptedOutAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.PatientId is not { } patientId)
        {
            return Task.FromResult(false);
        }

        var address = message.EmailAddress ?? message.RecipientId;
        return db.PatientChannels.AnyAsync(
            channel => channel.PatientId == patientId
                && channel.OptedOutAt != null
                && (channel.Id == message.PatientChannelId
                    || (message.ConversationReferenceId != null && channel.ConversationReferenceId == message.ConversationReferenceId)
                    || (address != null && channel.Address == address)),
            cancellationToken);
    }
}
