using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;

namespace RelanceBot.Outbox;

/// <summary>The outbox in the application's database, in the caller's unit of work.</summary>
internal sealed class EfOutbox : IOutbox
{
    // Well under every provider's limit on parameters per statement (SQLite 32,766; PostgreSQL 65,535).
    private const int KeysPerQuery = 1000;

    private readonly RelanceBotDbContext _db;
    private readonly TimeProvider _time;

    public EfOutbox(RelanceBotDbContext db, TimeProvider time, OutboxSignal signal)
    {
        _db = db;
        _time = time;
        // Woken only once the messages are saved: before that the dispatcher could not see them.
        _db.SavedChanges += (_, args) =>
        {
            if (args.EntitiesSavedCount > 0)
            {
                signal.Notify();
            }
        };
    }

    public async Task<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        await EnqueueAsync([message], cancellationToken) == 1;

    public async Task<int> EnqueueAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var taken = _db.ChangeTracker.Entries<OutboxMessage>()
            .Where(entry => entry.State != EntityState.Deleted)
            .Select(entry => entry.Entity.IdempotencyKey)
            .ToHashSet(StringComparer.Ordinal);
        var keys = messages.Select(message => message.IdempotencyKey).Where(key => !taken.Contains(key)).Distinct().ToList();
        foreach (var chunk in keys.Chunk(KeysPerQuery))
        {
            taken.UnionWith(await _db.OutboxMessages.AsNoTracking()
                .Where(existing => chunk.Contains(existing.IdempotencyKey))
                .Select(existing => existing.IdempotencyKey)
                .ToListAsync(cancellationToken));
        }

        var now = _time.GetUtcNow();
        var added = messages.Where(message => taken.Add(message.IdempotencyKey))
            .Select(message => OutboxMessage.Create(message, now))
            .ToList();
        _db.OutboxMessages.AddRange(added);
        return added.Count;
    }
}
