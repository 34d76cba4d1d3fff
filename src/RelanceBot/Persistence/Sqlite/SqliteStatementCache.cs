using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>
/// Runs each SQL text EF sends through a command that already compiled it on this connection. Microsoft.Data.Sqlite
/// compiles a command's SQL again on every execution unless the same command object runs again on the same open
/// connection (dotnet/efcore#14044), and EF creates a new command every time: compiling the same three statements was a
/// fifth of a chat turn's CPU. Connections stay open for this (<see cref="OpenSqliteConnection"/>).
/// </summary>
internal sealed class SqliteStatementCache : DbCommandInterceptor
{
    /// <summary>Distinct statements kept per connection; the hot ones are a handful, batched writes vary in length.</summary>
    public const int Capacity = 64;

    private static readonly ConditionalWeakTable<SqliteConnection, ConnectionStatements> Connections = [];

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (result is not SqliteCommand initialized || initialized.Connection is not { } connection)
        {
            return result;
        }

        var reused = Connections.GetValue(connection, static open => new ConnectionStatements(open)).Lease(initialized.CommandText);
        if (reused is null)
        {
            return result;
        }

        reused.Transaction = initialized.Transaction;
        reused.CommandTimeout = initialized.CommandTimeout;
        foreach (SqliteParameter parameter in initialized.Parameters)
        {
            reused.Parameters.Add(parameter);
        }

        initialized.Parameters.Clear();
        initialized.Dispose();
        return reused;
    }

    /// <summary>The commands of one connection, most recently used last.</summary>
    private sealed class ConnectionStatements(SqliteConnection connection)
    {
        private readonly Dictionary<string, LinkedListNode<ReusedSqliteCommand>> _bySql = new(StringComparer.Ordinal);
        private readonly LinkedList<ReusedSqliteCommand> _byUse = [];

        /// <summary>This SQL's command, or null when it is already running here (a reader still open on it).</summary>
        public ReusedSqliteCommand? Lease(string sql)
        {
            if (_bySql.TryGetValue(sql, out var node))
            {
                if (node.Value.InUse)
                {
                    return null;
                }

                _byUse.Remove(node);
                _byUse.AddLast(node);
            }
            else
            {
                EvictIfFull();
                node = _byUse.AddLast(new ReusedSqliteCommand(sql, connection, this));
                _bySql.Add(sql, node);
            }

            node.Value.InUse = true;
            return node.Value;
        }

        public void Forget(ReusedSqliteCommand command)
        {
            if (_bySql.Remove(command.CommandText, out var node))
            {
                _byUse.Remove(node);
            }
        }

        private void EvictIfFull()
        {
            for (var node = _byUse.First; node is not null && _bySql.Count >= Capacity; node = node.Next)
            {
                if (!node.Value.InUse)
                {
                    node.Value.Dispose();
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Keeps its compiled statements when EF disposes it after an execution; a connection closing (or the cache
    /// evicting it) disposes it for good.
    /// </summary>
    private sealed class ReusedSqliteCommand : SqliteCommand
    {
        private readonly ConnectionStatements _owner;

        public ReusedSqliteCommand(string sql, SqliteConnection connection, ConnectionStatements owner)
            : base(sql, connection)
        {
            _owner = owner;
        }

        public bool InUse { get; set; }

        protected override void Dispose(bool disposing)
        {
            if (disposing && InUse)
            {
                InUse = false;
                return;
            }

            _owner.Forget(this);
            base.Dispose(disposing);
        }
    }
}
