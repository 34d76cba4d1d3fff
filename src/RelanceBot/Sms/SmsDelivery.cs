using RelanceBot.Delivery;
using RelanceBot.Outbox;

namespace RelanceBot.Sms;

/// <summary>Sends outbox messages to phone numbers through the SMS provider; choices become numbered lines.</summary>
public sealed class SmsDelivery(ISmsSender sender, Microsoft.Extensions.Options.IOptions<SmsOptions> options) : IMessageDelivery
{
    public DeliveryChannel Channel => DeliveryChannel.Sms;

    public Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!options.Value.IsEnabled)
        {
            // Reminders never choose SMS without a provider; a message recorded before it was switched off moves on.
            return Task.FromResult(DeliveryResult.Permanent("sms no provider configured").Because(DeliveryConfigurationFault.SmsNotConfigured));
        }

        if (message.RecipientId is not { Length: > 0 } phone)
        {
            return Task.FromResult(DeliveryResult.Permanent("sms no phone number"));
        }

        return sender.SendAsync(phone, ChatActivities.WithNumberedChoices(message.Content), cancellationToken);
    }
}
