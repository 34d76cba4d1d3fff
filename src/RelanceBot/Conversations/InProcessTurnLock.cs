using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>One instance (SQLite): <see cref="ConversationTurnGate"/> alone serialises the turns; each save is final.</summary>
internal sealed class InProcessTurnLock : IConversationTurnLock
{
    public Task<IHeldTurnLock?> TryEnterAsync(RelanceBotDbContext db, string conversationKey, CancellationToken cancellationToken) =>
        Task.FromResult<IHeldTurnLock?>(NothingHeld.Instance);

    private sealed class NothingHeld : IHeldTurnLock
    {
        public static readonly NothingHeld Instance = new();

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
