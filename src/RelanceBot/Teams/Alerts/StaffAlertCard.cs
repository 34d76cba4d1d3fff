namespace RelanceBot.Teams.Alerts;

/// <summary>
/// Where an alert's card was posted in Teams, so it can be updated in place for everyone once someone acts on it.
/// Its existence also means "already posted": the dispatcher never posts an alert twice.
/// </summary>
public sealed class StaffAlertCard
{
    public Guid AlertId { get; private set; }

    public Guid PracticeId { get; private set; }

    public string ServiceUrl { get; private set; } = "";

    public string ConversationId { get; private set; } = "";

    /// <summary>The posted message's id; null when the channel did not return one (the card cannot be updated then).</summary>
    public string? ActivityId { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    private StaffAlertCard()
    {
    }

    public static StaffAlertCard Posted(
        Guid alertId, Guid practiceId, string serviceUrl, string conversationId, string? activityId, DateTimeOffset now) => new()
        {
            AlertId = alertId,
            PracticeId = practiceId,
            ServiceUrl = serviceUrl,
            ConversationId = conversationId,
            ActivityId = activityId,
            PostedAt = now,
        };
}
