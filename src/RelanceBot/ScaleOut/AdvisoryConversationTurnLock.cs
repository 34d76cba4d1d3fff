using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using RelanceBot.Conversations;
using RelanceBot.Conversations.Flows;
using RelanceBot.Persistence;

namespace RelanceBot.ScaleOut;

/// <summary>
/// The turn runs in one PostgreSQL transaction that first takes a transaction advisory lock on a hash of the
/// conversation key: its saves join that transaction, committing it makes them final and frees the conversation in
/// the same round trip, and a turn that fails rolls everything back. (A session lock taken and released around the
/// turn cost three more round trips per turn.) The wait is bounded by <c>lock_timeout</c>
/// (<see cref="ConversationOptions.TurnLockTimeout"/>), measured by the server, for this transaction only.
/// </summary>
internal sealed class AdvisoryConversationTurnLock(IOptions<ConversationOptions> options) : IConversationTurnLock
{
    public async Task<IHeldTurnLock?> TryEnterAsync(RelanceBotDbContext db, string conversationKey, CancellationToken cancellationToken)
    {
        var timeout = ((long)options.Value.TurnLockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // One round trip: the timeout, then the lock it bounds (statements of one command run in order).
            await db.Database.ExecuteSqlAsync(
                $"SELECT set_config('lock_timeout', {timeout}, true); SELECT pg_advisory_xact_lock(hashtextextended({conversationKey}, 0))",
                cancellationToken);
            return new Held(transaction);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await transaction.DisposeAsync();
            return null;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(IDbContextTransaction transaction) : IHeldTurnLock
    {
        public Task CompleteAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
