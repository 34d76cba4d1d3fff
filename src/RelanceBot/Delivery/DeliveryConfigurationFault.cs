namespace RelanceBot.Delivery;

/// <summary>
/// A send failed because of the bot's own settings, not the recipient: every message on that channel fails the same way
/// until someone fixes the configuration, so staff are told once what to fix (<see cref="Outbox.DeliveryConfigurationAlerts"/>).
/// </summary>
public enum DeliveryConfigurationFault
{
    /// <summary>Nothing answers at <c>Delivery:Email:Host</c>/<c>Port</c>.</summary>
    SmtpUnreachable,

    /// <summary><c>Delivery:Email:Tls</c> does not match the server (STARTTLS asked of a server without it, a failed handshake).</summary>
    SmtpTls,

    /// <summary>The server refused <c>Delivery:Email:UserName</c>/<c>Password</c>, or takes no login at all.</summary>
    SmtpAuthentication,

    /// <summary>The server refused <c>Delivery:Email:SenderAddress</c> as the sender.</summary>
    SmtpSenderRefused,

    /// <summary>An SMS was to go but no SMS provider is configured (<c>Sms:Twilio</c>).</summary>
    SmsNotConfigured,
}
