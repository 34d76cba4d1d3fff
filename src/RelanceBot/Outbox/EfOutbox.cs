using Microsoft.EntityFrameworkCore;
using RelanceBot.Auditing;
using RelanceBot.Persistence;

namespace RelanceBot.Outbox;

/// <summary>The outbox in the application's database, in the caller's unit of work.</summary>
internal sealed class EfOutbox : IOutbox
{
    private readonly RelanceBotDbContext _db;
    private readonly TimeProvider _time;
    private readonly IAuditActor _actor;
    private readonly OutboxSignal _signal;

    public EfOutbox(RelanceBotDbContext db, TimeProvider time, IAuditActor actor, OutboxSignal signal)
    {
        _db = db;
        _time = time;
        _actor = actor;
        _signal = signal;
        // Woken only once the messages are saved: before that the dispatcher could not see them.
        _db.SavedChanges += (_, args) =>
        {
            if (args.EntitiesSavedCount > 0)
            {
                signal.Notify();
            }
        };
    }

    public async Task<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var added = await NewMessagesAsync([message], cancellationToken);
        _db.OutboxMessages.AddRange(added);
        return added.Count == 1;
    }

    public async Task<int> EnqueueAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        await EnqueueAsync(await PrepareAsync(messages, cancellationToken), cancellationToken);

    public async Task<PreparedMessages> PrepareAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var added = await NewMessagesAsync(messages, cancellationToken);
        return new PreparedMessages(_db.PrepareInsert(added, _actor, _time.GetUtcNow()));
    }

    public async Task<int> EnqueueAsync(PreparedMessages messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await _db.InsertAsync(messages.Rows, cancellationToken);
        // Not saved through SaveChanges, so no SavedChanges event: a wake-up before the commit at worst finds nothing
        // yet, and the dispatcher's next poll picks the messages up.
        if (messages.Count > 0)
        {
            _signal.Notify();
        }

        return messages.Count;
    }

    private async Task<List<OutboxMessage>> NewMessagesAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var taken = _db.ChangeTracker.Entries<OutboxMessage>()
            .Where(entry => entry.State != EntityState.Deleted)
            .Select(entry => entry.Entity.IdempotencyKey)
            .ToHashSet(StringComparer.Ordinal);
        var keys = messages.Select(message => message.IdempotencyKey).Where(key => !taken.Contains(key)).Distinct().ToList();
        if (keys.Count > 0)
        {
            // One array parameter, not one per key: a batch can hold thousands.
            taken.UnionWith(await _db.OutboxMessages.AsNoTracking()
                .Where(existing => EF.Parameter(keys).Contains(existing.IdempotencyKey))
                .Select(existing => existing.IdempotencyKey)
                .ToListAsync(cancellationToken));
        }

        var now = _time.GetUtcNow();
        return [.. messages.Where(message => taken.Add(message.IdempotencyKey)).Select(message => OutboxMessage.Create(message, now))];
    }
}
