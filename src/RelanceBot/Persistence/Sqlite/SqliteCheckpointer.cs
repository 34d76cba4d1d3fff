using Microsoft.Data.Sqlite;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>
/// Copies SQLite's write-ahead log back into the database every few seconds, off the request and sweep paths.
/// </summary>
/// <remarks>
/// Left to SQLite, the checkpoint (a copy of the log's pages and an fsync) runs inside whichever commit crosses the
/// log's size limit: a chat turn or a reminder batch would pay for everyone's writes. A passive checkpoint never waits
/// for readers or writers, so it can run at any time; the size limit stays as a safety net
/// (<see cref="SqliteWalInterceptor"/>).
/// </remarks>
public sealed partial class SqliteCheckpointer(string connectionString, TimeProvider time, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Runs one passive checkpoint.</summary>
    /// <returns>Frames in the log and frames copied into the database.</returns>
    public async Task<(int LogFrames, int CheckpointedFrames)> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
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
                await CheckpointAsync(stoppingToken);
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
