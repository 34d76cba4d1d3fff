using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

/// <summary>
/// Remembers recently processed activities, because channels re-send them (Teams after 15 s, invokes 2–4 times) and
/// the platform does not dedupe. Asynchronous: a store shared by several instances of the app answers over the network.
/// </summary>
public interface IActivityDeduplicator
{
    /// <summary>Atomically claims <paramref name="key"/>; a second claim, even while the first is running, is a duplicate.</summary>
    ValueTask<DeduplicationCheck> TryBeginAsync(ActivityKey key, CancellationToken cancellationToken);

    /// <summary>Marks the claimed delivery as done, keeping its invoke response for replays.</summary>
    ValueTask CompleteAsync(ActivityKey key, InvokeResponse? invokeResponse, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose processing failed, so the channel's retry is processed.</summary>
    ValueTask AbandonAsync(ActivityKey key, CancellationToken cancellationToken);
}
