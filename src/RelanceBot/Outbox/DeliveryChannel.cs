namespace RelanceBot.Outbox;

/// <summary>How a message travels. Chat is a Bot Framework conversation (Teams); SMS goes through the SMS provider.</summary>
public enum DeliveryChannel
{
    Chat,
    Email,
    Sms,
}
