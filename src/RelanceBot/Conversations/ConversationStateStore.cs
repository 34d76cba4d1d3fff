using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;

namespace RelanceBot.Conversations;

/// <summary>Reads a conversation's state (one small row) and starts one for a conversation that has none.</summary>
public sealed class ConversationStateStore(RelanceBotDbContext db, TimeProvider time)
{
    private static readonly CompiledQuery<Func<RelanceBotDbContext, Guid, CancellationToken, Task<ConversationState?>>> FindState = new(() =>
        EF.CompileAsyncQuery((RelanceBotDbContext context, Guid conversationReferenceId, CancellationToken _) =>
            context.ConversationStates.SingleOrDefault(state => state.ConversationReferenceId == conversationReferenceId)));

    /// <summary>
    /// The tracked state; a new one is added to the unit of work, saved with the turn. Usually already tracked:
    /// <see cref="ConversationReferenceStore"/> reads it with the reference. A conversation recorded in this very turn
    /// has none, so a first contact does not look for it.
    /// </summary>
    public async Task<ConversationState> LoadAsync(RecordedConversation conversation, CancellationToken cancellationToken)
    {
        var id = conversation.Reference.Id;
        return db.FindTracked<ConversationState, Guid>(id)
            ?? (conversation.IsNew ? null : await FindState.For(db)(db, id, cancellationToken))
            ?? db.ConversationStates.Add(ConversationState.Start(id, time.GetUtcNow())).Entity;
    }
}
