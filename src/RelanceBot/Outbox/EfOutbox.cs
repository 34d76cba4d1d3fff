using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;

namespace RelanceBot.Outbox;

/// <summary>The outbox in the application's database, in the caller's unit of work.</summary>
internal sealed class EfOutbox : IOutbox
{
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

    public async Task<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var key = message.IdempotencyKey;
        var alreadyInUnitOfWork = _db.ChangeTracker.Entries<OutboxMessage>()
            .Any(entry => entry.Entity.IdempotencyKey == key && entry.State != EntityState.Deleted);
        if (alreadyInUnitOfWork
            || await _db.OutboxMessages.AnyAsync(existing => existing.IdempotencyKey == key, cancellationToken))
        {
            return false;
        }

        _db.OutboxMessages.Add(OutboxMessage.Create(message, _time.GetUtcNow()));
        return true;
    }
}
