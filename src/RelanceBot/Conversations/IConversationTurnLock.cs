using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>
/// Serialises one conversation's turns across instances of the app, behind <see cref="ConversationTurnGate"/> (which
/// does it within one). Held on the turn's open connection.
/// </summary>
public interface IConversationTurnLock
{
    /// <summary>The lock on <paramref name="conversationKey"/>, or null when another instance's turn kept it past the bounded wait.</summary>
    Task<IAsyncDisposable?> TryEnterAsync(RelanceBotDbContext db, string conversationKey, CancellationToken cancellationToken);
}
