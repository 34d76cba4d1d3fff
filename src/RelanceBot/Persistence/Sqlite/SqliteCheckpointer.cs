using Microsoft.Data.Sqlite;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>
/// Copies SQLite's write-ahead log back into the database every few seconds, off the request and sweep paths, and
/// truncates the log file once the database has gone quiet.
/// </summary>
/// <remarks>
/// Left to SQLite, the checkpoint (a copy of the log's pages and an fsync) runs inside whichever commit crosses the
/// log's size limit: a chat turn or a reminder batch would pay for everyone's writes. A passive checkpoint never waits
/// for readers or writers, so it can run at any time; the size limit stays as a safety net
/// (<see cref="SqliteWalInterceptor"/>). SQLite reuses the log file from its start but never shrinks it: after a burst
/// (40,000 new conversations left 270 MB) it stayed that large. <c>journal_size_limit</c> caps what a writer leaves
/// behind, and a truncating checkpoint, which briefly holds writers back, empties the file when nobody wrote since the
/// last tick.
/// </remarks>
public sealed partial class SqliteCheckpointer(string connectionString, TimeProvider time, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Frames in the log at the previous tick: the same count again, all copied, means nobody wrote since.</summary>
    private int _previousLogFrames = -1;

    /// <summary>What the background service does every <see cref="Interval"/>: a passive checkpoint, truncating when idle.</summary>
    /// <returns>Frames in the log and frames copied into the database, after the truncation if there was one.</returns>
    public async Task<(int LogFrames, int CheckpointedFrames)> TickAsync(CancellationToken cancellationToken)
    {
        var (logFrames, checkpointedFrames) = await CheckpointAsync(cancellationToken);
        var idle = logFrames > 0 && checkpointedFrames == logFrames && logFrames == _previousLogFrames;
        _previousLogFrames = logFrames;
        return idle ? await CheckpointAsync(cancellationToken, truncate: true) : (logFrames, checkpointedFrames);
    }

    /// <summary>Runs one checkpoint: passive, or truncating the log file to zero bytes.</summary>
    /// <returns>Frames in the log and frames copied into the database.</returns>
    public async Task<(int LogFrames, int CheckpointedFrames)> CheckpointAsync(CancellationToken cancellationToken, bool truncate = false)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = truncate ? "PRAGMA wal_checkpoint(TRUNCATE)" : "PRAGMA wal_checkpoint(PASSIVE)";
        // A truncation waits for the writer of the moment: a burst starting meanwhile is not worth waiting for.
        command.CommandTimeout = 1;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(1), reader.GetInt32(2));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (SqliteException exception)
            {
                // The next tick tries again; meanwhile SQLite's own size limit still bounds the log.
                LogCheckpointFailed(exception);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "The SQLite write-ahead log checkpoint failed.")]
    private partial void LogCheckpointFailed(Exception exception);
}
