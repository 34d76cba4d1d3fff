using Microsoft.EntityFrameworkCore;
using RelanceBot.Auditing;
using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;

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
        if (Untaken([message]).Count == 0
            || await _db.OutboxMessages.AnyAsync(existing => existing.IdempotencyKey == message.IdempotencyKey, cancellationToken))
        {
            return false;
        }

        _db.OutboxMessages.Add(OutboxMessage.Create(message, _time.GetUtcNow()));
        return true;
    }

    public async Task<int> EnqueueAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        await EnqueueAsync(Prepare(messages), cancellationToken);

    public PreparedMessages Prepare(IReadOnlyCollection<OutgoingMessage> messages)
    {
        // Keys already stored are left to the unique index: the insert skips them, so no query looks them up first.
        var now = _time.GetUtcNow();
        var added = Untaken(messages).Select(message => OutboxMessage.Create(message, now)).ToList();
        return new PreparedMessages(_db.PrepareInsert(added, _actor, now, unlessTaken: nameof(OutboxMessage.IdempotencyKey)));
    }

    public async Task<int> EnqueueAsync(PreparedMessages messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var written = await _db.InsertAsync(messages.Rows, cancellationToken);
        // Not saved through SaveChanges, so no SavedChanges event: a wake-up before the commit at worst finds nothing
        // yet, and the dispatcher's next poll picks the messages up.
        if (written > 0)
        {
            _signal.Notify();
        }

        return written;
    }

    /// <summary>The messages whose key no tracked message holds, each key once (the first message wins).</summary>
    private List<OutgoingMessage> Untaken(IReadOnlyCollection<OutgoingMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var taken = _db.ChangeTracker.Entries<OutboxMessage>()
            .Where(entry => entry.State != EntityState.Deleted)
            .Select(entry => entry.Entity.IdempotencyKey)
            .ToHashSet(StringComparer.Ordinal);
        return [.. messages.Where(message => taken.Add(message.IdempotencyKey))];
    }
}
