using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>One instance (SQLite): <see cref="ConversationTurnGate"/> alone serialises the turns.</summary>
internal sealed class InProcessTurnLock : IConversationTurnLock
{
    public Task<IAsyncDisposable?> TryEnterAsync(RelanceBotDbContext db, string conversationKey, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(NothingHeld.Instance);

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
