using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Auditing;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>
/// Keeps every conversation the bot has seen, so it can write first later (proactive reminders and alerts).
/// Runs only on authenticated activities, so a stored serviceUrl is one the channel vouched for. The conversation a
/// turn arrives in is the audit actor of what the turn changes (<c>conversation:{id}</c>, the stored record's id: an
/// SMS conversation's own id is the patient's phone number), unless someone more precise acts in it (a staff member's
/// card action).
/// </summary>
public sealed class ConversationReferenceStore(RelanceBotDbContext db, TimeProvider time, ScopedAuditActor auditActor)
{
    /// <summary>Re-saving an unchanged reference more often than this would only cost a write per turn.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromHours(1);

    /// <summary>
    /// The reference and its dialog state (if any), both tracked, in one compiled query: every patient turn needs
    /// both, and <see cref="ConversationStateStore"/> then finds the state in the change tracker.
    /// </summary>
    private static readonly CompiledQuery<Func<RelanceBotDbContext, string, string, CancellationToken, Task<StoredConversation?>>> FindWithState = new(() =>
        EF.CompileAsyncQuery((RelanceBotDbContext context, string channelId, string conversationId, CancellationToken _) =>
            context.ConversationReferences
                .Where(record => record.ChannelId == channelId && record.ConversationId == conversationId)
                .LeftJoin(
                    context.ConversationStates,
                    record => record.Id,
                    state => state.ConversationReferenceId,
                    (record, state) => new StoredConversation(record, state))
                .SingleOrDefault()));

    /// <summary>The conversation, recorded and saved now (for callers whose turn saves nothing else).</summary>
    public async Task<RecordedConversation> RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        var tracked = await TrackAsync(activity, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return tracked;
        }
        catch (DbUpdateException) when (tracked.IsNew)
        {
            // The channel's first two activities raced: the other turn stored the conversation first.
            db.Entry(tracked.Reference).State = EntityState.Detached;
            var stored = (await FindWithState.For(db)(db, activity.ChannelId!, activity.Conversation!.Id!, cancellationToken))!.Record;
            ActAs(stored);
            return new RecordedConversation(stored, IsNew: false);
        }
    }

    /// <summary>
    /// The conversation, added or brought up to date in the unit of work but not saved: a patient turn saves it with
    /// everything else the turn changed, in one transaction (a first contact is then one write, not two).
    /// </summary>
    public async Task<RecordedConversation> TrackAsync(Activity activity, CancellationToken cancellationToken)
    {
        var channelId = activity.ChannelId!;
        var conversationId = activity.Conversation!.Id!;
        var now = time.GetUtcNow();

        var record = (await FindWithState.For(db)(db, channelId, conversationId, cancellationToken))?.Record;
        var isNew = record is null;
        record ??= db.ConversationReferences.Add(new ConversationReferenceRecord
        {
            Id = Guid.CreateVersion7(now),
            ChannelId = channelId,
            ConversationId = conversationId,
            FirstSeenAt = now,
        }).Entity;
        ActAs(record);

        Refresh(record, activity.GetConversationReference(), now);
        return new RecordedConversation(record, isNew);
    }

    private void ActAs(ConversationReferenceRecord conversation) => auditActor.Use($"conversation:{conversation.Id}");

    /// <summary>Brings the stored reference up to date; the serviceUrl in particular can move between regions.</summary>
    private static void Refresh(ConversationReferenceRecord record, ConversationReference reference, DateTimeOffset now)
    {
        var json = JsonSerializer.Serialize(reference with { ActivityId = null }, BotFrameworkJson.Options);
        if (record.ReferenceJson == json && now - record.LastSeenAt < LastSeenResolution)
        {
            return;
        }

        record.ReferenceJson = json;
        record.ServiceUrl = reference.ServiceUrl!;
        record.TenantId = reference.Conversation?.TenantId;
        record.ConversationType = reference.Conversation?.ConversationType;
        record.IsGroup = reference.Conversation?.IsGroup ?? false;
        record.UserId = reference.User?.Id;
        record.UserName = reference.User?.Name;
        record.UserAadObjectId = reference.User?.AadObjectId;
        record.BotId = reference.Bot?.Id;
        record.BotName = reference.Bot?.Name;
        record.Locale = reference.Locale;
        record.LastSeenAt = now;
    }

    /// <summary>The state is not read here: loading it is what puts it in the change tracker for this turn.</summary>
    private sealed record StoredConversation(ConversationReferenceRecord Record, ConversationState? State);
}
