namespace RelanceBot.Payments.Stripe;

/// <summary>A webhook event already applied: Stripe delivers at least once, so the event id is the dedupe key.</summary>
public sealed class ProcessedStripeEvent
{
    public string EventId { get; private set; } = "";

    public string Type { get; private set; } = "";

    /// <summary>The connected account the event happened on; null for the platform's own.</summary>
    public string? Account { get; private set; }

    public DateTimeOffset ProcessedAt { get; private set; }

    private ProcessedStripeEvent()
    {
    }

    public static ProcessedStripeEvent Of(string eventId, string type, string? account, DateTimeOffset now) => new()
    {
        EventId = eventId,
        Type = type,
        Account = account,
        ProcessedAt = now,
    };
}
