using RelanceBot.Delivery;

namespace RelanceBot.Sms;

/// <summary>The SMS provider, behind one port: sends one text and says what became of it. Never throws for a failed send.</summary>
public interface ISmsSender
{
    /// <param name="phoneE164">The recipient in E.164.</param>
    /// <param name="body">The whole text; the provider splits it into segments.</param>
    /// <returns>Sent with the provider's message id, or a transient / permanent failure with a short reason.</returns>
    Task<DeliveryResult> SendAsync(string phoneE164, string body, CancellationToken cancellationToken);
}
