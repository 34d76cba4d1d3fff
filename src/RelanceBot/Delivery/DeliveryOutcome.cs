namespace RelanceBot.Delivery;

public enum DeliveryOutcome
{
    Sent,

    /// <summary>Worth trying again later: throttling, a server error, a timeout.</summary>
    TransientFailure,

    /// <summary>Will fail again on this channel: blocked, unknown conversation, rejected address.</summary>
    PermanentFailure,
}
