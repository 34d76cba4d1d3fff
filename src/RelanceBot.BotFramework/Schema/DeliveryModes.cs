namespace RelanceBot.BotFramework.Schema;

/// <summary>Values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string Notification = "notification";
    public const string Ephemeral = "ephemeral";
    public const string ExpectReplies = "expectReplies";
}
