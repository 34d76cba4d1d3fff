using RelanceBot.Outbox;

namespace RelanceBot.Delivery;

/// <summary>Sends an outbox message on one channel and classifies failures; it never throws for a failed send.</summary>
public interface IMessageDelivery
{
    DeliveryChannel Channel { get; }

    Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
