using System.Globalization;
using System.Text.Json.Nodes;
using RelanceBot.Outbox;

namespace RelanceBot.Teams;

/// <summary>
/// Puts cards for a practice's channel in the outbox, the same road as reminders: sent once (idempotency key), retried
/// with back-off, Teams throttling (429 + Retry-After) waited out by the connector client and then by the outbox.
/// </summary>
public sealed class TeamsChannelOutbox(IOutbox outbox)
{
    public static string AlertKey(Guid alertId) => $"staff-alert:{alertId}";

    public static string DigestKey(Guid practiceId, DateOnly localDate)
        => $"digest:{practiceId}:{localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Adds the card to the caller's unit of work; false when that key was already enqueued.</summary>
    public Task<bool> EnqueueAsync(string key, Guid practiceId, Guid channelReferenceId, JsonObject card, CancellationToken cancellationToken)
        => outbox.EnqueueAsync(
            new OutgoingMessage(
                key,
                practiceId,
                OutboxPurpose.StaffAlert,
                DeliveryTarget.Conversation(channelReferenceId),
                new OutboxContent(card["fallbackText"]?.GetValue<string>() ?? "") { AdaptiveCardJson = card.ToJsonString() }),
            cancellationToken);
}
