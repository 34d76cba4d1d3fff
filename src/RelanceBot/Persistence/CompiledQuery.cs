using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace RelanceBot.Persistence;

/// <summary>
/// A compiled query kept per concrete context type. EF Core binds a compiled query to the model of the first context
/// that runs it, and each database provider has its own context type (<see cref="SqliteRelanceBotDbContext"/>,
/// <see cref="PostgreSqlRelanceBotDbContext"/>): one process that talks to both (the copy command, the tests) would
/// otherwise run SQLite's query on PostgreSQL.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<Type, TQuery> _byContextType = new();

    public TQuery For(DbContext context) => _byContextType.GetOrAdd(context.GetType(), _ => compile());
}
