using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace RelanceBot.Persistence.Sqlite;

#pragma warning disable EF1001 // EF's SQLite connection service is internal API; only its closing is changed, and the
// statement-reuse tests fail if a later EF closes the connection some other way.

/// <summary>
/// A context's SQLite connection stays open from its first query until the context leaves the pool, where EF would
/// close it after every query and at the end of every lease. Closing is what throws away the statements SQLite compiled
/// (<see cref="SqliteStatementCache"/>); an open connection holds no lock between transactions.
/// </summary>
internal sealed class OpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override void CloseDbConnection()
    {
        if (DbConnection.State == ConnectionState.Broken)
        {
            base.CloseDbConnection();
        }
    }

    protected override Task CloseDbConnectionAsync()
        => DbConnection.State == ConnectionState.Broken ? base.CloseDbConnectionAsync() : Task.CompletedTask;
}

internal static class OpenSqliteConnectionOptions
{
    /// <summary>Has the context use <see cref="OpenSqliteConnection"/> for its SQLite connection.</summary>
    public static DbContextOptionsBuilder KeepSqliteConnectionOpen(this DbContextOptionsBuilder options)
        => options.ReplaceService<ISqliteRelationalConnection, OpenSqliteConnection>();
}
