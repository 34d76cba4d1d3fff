using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>
/// Write-ahead logging for SQLite: readers no longer wait for the writer, and with <c>synchronous=NORMAL</c> a commit
/// is an append to the log rather than an fsync of the database (durable against an application crash; a power cut
/// can lose the last commits, never corrupt the file). Conversation turns write once each, so this is what lets SQLite
/// keep up.
/// </summary>
internal sealed class SqliteWalInterceptor : DbConnectionInterceptor
{
    /// <summary>journal_mode is stored in the database file: once per database and process is enough.</summary>
    private static readonly ConcurrentDictionary<string, bool> WalDatabases = new(StringComparer.Ordinal);

    /// <summary>EF opens read-only connections (to check the file exists); pragmas that write are not for them.</summary>
    private static readonly ConcurrentDictionary<string, bool> ReadOnlyConnectionStrings = new(StringComparer.Ordinal);

    /// <summary>Every connection's page cache: 32 MB.</summary>
    internal const string CacheSize = "PRAGMA cache_size=-32768";

    /// <summary>The most a writer leaves of the log file when it restarts the log after a checkpoint: 64 MB.</summary>
    internal const string JournalSizeLimit = "PRAGMA journal_size_limit=67108864";

    /// <summary>The page cache of a connection in a batch job, for its length (<see cref="RelanceBotDbContext.WidenPageCacheAsync"/>): 128 MB.</summary>
    internal const string WideCacheSize = "PRAGMA cache_size=-131072";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Once per connection opened: a pooled context keeps its own open (<see cref="OpenSqliteConnection"/>).</summary>
    private static void Apply(DbConnection connection)
    {
        var connectionString = connection.ConnectionString;
        if (ReadOnlyConnectionStrings.GetOrAdd(
            connectionString, static text => new SqliteConnectionStringBuilder(text).Mode == SqliteOpenMode.ReadOnly))
        {
            return;
        }

        using var command = connection.CreateCommand();

        // The rest belongs to each connection. A reminder batch dirties thousands of index pages: with SQLite's 2 MB
        // default page cache they spilled to the log mid-transaction and were written several times over. Checkpoints
        // run in the background (SqliteCheckpointer): the log's size limit (256 MB) is only a safety net for when they
        // fall behind. A sweep of 10,000 reminders writes 50-80 MB of log: at 64 MB, its commit ran a 250 ms checkpoint.
        // (A memory map for reads was tried: it made chat turns 15% dearer.)
        var needsWal = !WalDatabases.ContainsKey(connectionString);
        // SQLite reuses the log from its start after a checkpoint but never shrinks the file: journal_size_limit has
        // the writer that restarts it cut it back to 64 MB (SqliteCheckpointer empties it when the database is idle).
        command.CommandText = (needsWal ? "PRAGMA journal_mode=WAL; " : "")
            + "PRAGMA synchronous=NORMAL; " + CacheSize + "; PRAGMA wal_autocheckpoint=65536; " + JournalSizeLimit + ";";
        command.ExecuteNonQuery();
        if (needsWal)
        {
            WalDatabases.TryAdd(connectionString, true);
        }
    }
}
