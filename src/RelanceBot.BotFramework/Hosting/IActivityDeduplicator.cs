using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

/// <summary>
/// Remembers recently processed activities, because channels re-send them (Teams after 15 s, invokes 2–4 times) and
/// the platform does not dedupe.
/// </summary>
public interface IActivityDeduplicator
{
    /// <summary>Atomically claims <paramref name="key"/>; a second claim, even while the first is running, is a duplicate.</summary>
    DeduplicationCheck TryBegin(ActivityKey key);

    /// <summary>Marks the claimed delivery as done, keeping its invoke response for replays.</summary>
    void Complete(ActivityKey key, InvokeResponse? invokeResponse);

    /// <summary>Forgets a claim whose processing failed, so the channel's retry is processed.</summary>
    void Abandon(ActivityKey key);
}
