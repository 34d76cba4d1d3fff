using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

/// <summary>
/// Result of <see cref="IActivityDeduplicator.TryBeginAsync"/>. For a duplicate, <see cref="PreviousInvokeResponse"/> is the
/// first delivery's invoke response when that delivery has completed.
/// </summary>
public sealed record DeduplicationCheck(bool IsDuplicate, InvokeResponse? PreviousInvokeResponse)
{
    public static DeduplicationCheck FirstDelivery { get; } = new(false, null);
}
