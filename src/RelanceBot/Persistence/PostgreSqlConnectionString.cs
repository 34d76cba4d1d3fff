using System.Data.Common;
using Npgsql;

namespace RelanceBot.Persistence;

/// <summary>What the app adds to the PostgreSQL connection string it is given.</summary>
internal static class PostgreSqlConnectionString
{
    /// <summary>Statements each connection keeps prepared once they recur.</summary>
    public const int AutoPreparedStatements = 64;

    /// <summary>
    /// Npgsql's automatic preparation, off unless asked for: the few statements a chat turn runs (its lock, lookups and
    /// inserts) are then parsed and planned once per pooled connection instead of on every turn. A connection string
    /// that sets <c>Max Auto Prepare</c> itself keeps its value.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        if (SetsAutoPrepare(connectionString))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }

    /// <summary>Npgsql's own builder answers for every keyword it knows; the plain one holds only those written.</summary>
    private static bool SetsAutoPrepare(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(keyword => keyword.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
}
