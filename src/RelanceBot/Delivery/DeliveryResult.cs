namespace RelanceBot.Delivery;

/// <summary>What a channel made of one send. Errors are short and never contain the message or a secret.</summary>
public sealed record DeliveryResult
{
    private DeliveryResult(DeliveryOutcome outcome, string? channelMessageId, string? error)
    {
        Outcome = outcome;
        ChannelMessageId = channelMessageId;
        Error = error;
    }

    public DeliveryOutcome Outcome { get; }

    public string? ChannelMessageId { get; }

    public string? Error { get; }

    public static DeliveryResult Sent(string? channelMessageId) => new(DeliveryOutcome.Sent, channelMessageId, null);

    public static DeliveryResult Transient(string error) => new(DeliveryOutcome.TransientFailure, null, error);

    public static DeliveryResult Permanent(string reason) => new(DeliveryOutcome.PermanentFailure, null, reason);
}
