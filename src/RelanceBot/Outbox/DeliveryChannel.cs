namespace RelanceBot.Outbox;

/// <summary>How a message travels. Chat is any Bot Framework conversation: Teams, Web Chat, the SMS channel.</summary>
public enum DeliveryChannel
{
    Chat,
    Email,
}
