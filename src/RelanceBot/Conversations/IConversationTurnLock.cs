using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>
/// Serialises one conversation's turns across instances of the app, behind <see cref="ConversationTurnGate"/> (which
/// does it within one). Held on the turn's open connection.
/// </summary>
public interface IConversationTurnLock
{
    /// <summary>The lock on <paramref name="conversationKey"/>, or null when another instance's turn kept it past the bounded wait.</summary>
    Task<IHeldTurnLock?> TryEnterAsync(RelanceBotDbContext db, string conversationKey, CancellationToken cancellationToken);
}

/// <summary>
/// A turn's hold on its conversation. The turn's saves may be part of it: <see cref="CompleteAsync"/> makes them final
/// (before any reply leaves); disposing without completing undoes what was not final and lets the next turn in.
/// </summary>
public interface IHeldTurnLock : IAsyncDisposable
{
    Task CompleteAsync(CancellationToken cancellationToken);
}
