using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RelanceBot.Conversations;
using RelanceBot.Conversations.Flows;
using RelanceBot.Persistence;

namespace RelanceBot.ScaleOut;

/// <summary>
/// A PostgreSQL session advisory lock on a hash of the conversation key, taken on the turn's connection and released
/// when the turn ends. The wait is bounded by <c>lock_timeout</c> (<see cref="ConversationOptions.TurnLockTimeout"/>),
/// measured by the server, set for the acquiring transaction only.
/// </summary>
internal sealed class AdvisoryConversationTurnLock(IOptions<ConversationOptions> options) : IConversationTurnLock
{
    public async Task<IAsyncDisposable?> TryEnterAsync(RelanceBotDbContext db, string conversationKey, CancellationToken cancellationToken)
    {
        var timeout = ((long)options.Value.TurnLockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // A session lock taken in a transaction outlives it; the transaction only scopes lock_timeout.
            await db.Database.ExecuteSqlAsync($"SELECT set_config('lock_timeout', {timeout}, true)", cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtextextended({conversationKey}, 0))", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return null;
        }

        return new Held(db, conversationKey);
    }

    private sealed class Held(RelanceBotDbContext db, string conversationKey) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtextextended({conversationKey}, 0))", CancellationToken.None);
    }
}
