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

    /// <summary>Set when the failure comes from the bot's own settings rather than this message or its recipient.</summary>
    public DeliveryConfigurationFault? Fault { get; private init; }

    public static DeliveryResult Sent(string? channelMessageId) => new(DeliveryOutcome.Sent, channelMessageId, null);

    public static DeliveryResult Transient(string error) => new(DeliveryOutcome.TransientFailure, null, error);

    public static DeliveryResult Permanent(string reason) => new(DeliveryOutcome.PermanentFailure, null, reason);

    /// <summary>The same failure, known to come from the configuration.</summary>
    public DeliveryResult Because(DeliveryConfigurationFault fault) => new(Outcome, ChannelMessageId, Error) { Fault = fault };
}
