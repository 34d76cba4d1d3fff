using RelanceBot.Delivery;

namespace RelanceBot.Outbox;

/// <summary>What became of one claimed message: a guard skipped it, or a channel tried it.</summary>
internal sealed record SendOutcome(string? SkipReason, DeliveryResult? Delivery)
{
    public static SendOutcome Skipped(string reason) => new(reason, null);

    public static SendOutcome Delivered(DeliveryResult result) => new(null, result);
}
