using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>
/// The conversations of the built-in Direct Line channel and their activity logs. Watermarks are the log's sequence
/// numbers: activity <c>n</c> of a conversation has the id <c>{conversationId}|{n:D7}</c> and watermark <c>n</c>.
/// Every method returns null (or false) for a conversation that does not exist or was forgotten.
/// </summary>
public interface IDirectLineStore
{
    ValueTask CreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    ValueTask<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the conversation started by its client, keeping the locale it gave; true only the first time, when the bot
    /// must be told of the new members.
    /// </summary>
    ValueTask<bool?> StartAsync(string conversationId, string? locale, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an activity under the next id. With a <paramref name="clientActivityId"/> already in the log, stores
    /// nothing and returns the activity stored then (a client's retry of the same post).
    /// </summary>
    ValueTask<AppendedActivity?> AppendAsync(string conversationId, Activity activity, string? clientActivityId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> activities after <paramref name="watermark"/>, oldest first.</summary>
    ValueTask<ActivitySet?> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken);

    /// <summary>Completes once the log holds an activity after <paramref name="watermark"/>, or the conversation is gone.</summary>
    ValueTask WaitForActivityAsync(string conversationId, long watermark, CancellationToken cancellationToken);
}
