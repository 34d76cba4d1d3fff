using System.Collections.Concurrent;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>One writer at a time per SQLite database (by connection string) within this process.</summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string? connectionString) => Gates.GetOrAdd(connectionString ?? "", _ => new SemaphoreSlim(1, 1));
}
