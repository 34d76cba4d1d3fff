using System.Reflection;
using LinqToDB.Data;
using LinqToDB.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace RelanceBot.Persistence.PostgreSqlCopy;

/// <summary>
/// Copies the app's SQLite database into an empty PostgreSQL database: migrates the target, refuses one that holds any
/// row, copies every table of the model in dependency order (linq2db's bulk copy: PostgreSQL's binary COPY, values
/// converted as EF converts them) in one transaction, checks each table's row count and commits only if all match.
/// </summary>
/// <remarks>
/// The SQLite file is read in one transaction, which also keeps a running app from writing it meanwhile; stop the app
/// first anyway, or what it writes after the copy stays behind. Rows are copied as they are stored: the audit log keeps
/// its entries and their ids (the identity sequences are moved past them), no interceptor runs.
/// </remarks>
public sealed class SqliteToPostgreSqlCopy(RelanceBotDbContext source)
{
    private static readonly MethodInfo CopyRowsMethod =
        typeof(SqliteToPostgreSqlCopy).GetMethod(nameof(CopyRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<CopyReport> CopyAsync(string targetConnectionString, CancellationToken cancellationToken)
    {
        if (!source.Database.IsSqlite())
        {
            return CopyReport.Refused("the app's database is not SQLite (Database:Provider): there is nothing to copy from.");
        }

        if ((await source.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return CopyReport.Refused("the SQLite database is not up to date: run the command with Database:MigrateOnStartup=true.");
        }

        await using var target = new PostgreSqlRelanceBotDbContext(
            new DbContextOptionsBuilder<PostgreSqlRelanceBotDbContext>().UseNpgsql(targetConnectionString).Options);
        await target.Database.MigrateAsync(cancellationToken);
        var order = CopyOrder.For(target.Model);

        await using var reading = await source.Database.BeginTransactionAsync(cancellationToken);
        await using var writing = await target.Database.BeginTransactionAsync(cancellationToken);
        foreach (var table in order.Tables)
        {
            if (await HasRowsAsync(target, table, cancellationToken))
            {
                return CopyReport.Refused($"the target database is not empty (table {table.GetTableName()} has rows): copy only into a new database.");
            }
        }

        var fixups = new List<ReferenceFixup>();
        await using (var connection = target.CreateLinqToDBConnection(writing))
        {
            foreach (var table in order.Tables)
            {
                var deferred = order.Deferred.Where(reference => reference.DeclaringEntityType == table).ToList();
                await (Task)CopyRowsMethod.MakeGenericMethod(table.ClrType).Invoke(null, [source, connection, deferred, fixups, cancellationToken])!;
            }
        }

        foreach (var fixup in fixups)
        {
            await fixup.ApplyAsync(target, cancellationToken);
        }

        await MoveIdentitiesPastCopiedRowsAsync(target, order.Tables, cancellationToken);

        var counts = new List<TableCount>(order.Tables.Count);
        foreach (var table in order.Tables)
        {
            var expected = await CountAsync(source, source.Model.FindEntityType(table.ClrType)!, cancellationToken);
            var copied = await CountAsync(target, table, cancellationToken);
            if (copied != expected)
            {
                return CopyReport.Refused($"table {table.GetTableName()} has {expected} rows in SQLite but {copied} were copied: nothing was written.");
            }

            counts.Add(new TableCount(table.GetTableName()!, copied));
        }

        await writing.CommitAsync(cancellationToken);
        return CopyReport.Copied(counts);
    }

    /// <summary>Streams one table's rows from SQLite into PostgreSQL, writing the deferred references empty.</summary>
    private static async Task CopyRowsAsync<TEntity>(
        RelanceBotDbContext source, DataConnection target, List<IForeignKey> deferred, List<ReferenceFixup> fixups, CancellationToken cancellationToken)
        where TEntity : class
    {
        var rows = source.Set<TEntity>().AsNoTracking().AsAsyncEnumerable();
        var options = new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific, KeepIdentity = true };
        await target.BulkCopyAsync(options, deferred.Count == 0 ? rows : WithoutDeferred(rows, deferred, fixups), cancellationToken);
    }

    private static async IAsyncEnumerable<TEntity> WithoutDeferred<TEntity>(
        IAsyncEnumerable<TEntity> rows, List<IForeignKey> deferred, List<ReferenceFixup> fixups)
        where TEntity : class
    {
        await foreach (var row in rows)
        {
            foreach (var reference in deferred)
            {
                if (ReferenceFixup.Take(reference, row) is { } fixup)
                {
                    fixups.Add(fixup);
                }
            }

            yield return row;
        }
    }

    /// <summary>
    /// Identity columns were copied with their values, which leaves their sequences at the start: the next row the app
    /// writes would collide with a copied one.
    /// </summary>
    private static async Task MoveIdentitiesPastCopiedRowsAsync(DbContext target, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            var name = Table(target, table);
            var identities = table.GetProperties().Where(property => NpgsqlPropertyExtensions.GetValueGenerationStrategy(property)
                is NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.IdentityAlwaysColumn or NpgsqlValueGenerationStrategy.SerialColumn);
            foreach (var identity in identities)
            {
                var column = identity.GetColumnName();
                var sql = $"SELECT setval(pg_get_serial_sequence({{0}}, {{1}}), COALESCE(MAX({Delimit(target, column)}), 0) + 1, false) FROM {name}";
                await target.Database.ExecuteSqlRawAsync(sql, [name, column], cancellationToken);
            }
        }
    }

    // Table and column names in SQL text below come from the model, delimited by the provider: no input reaches them.
    private static async Task<bool> HasRowsAsync(DbContext db, IEntityType table, CancellationToken cancellationToken)
    {
        var sql = $"SELECT EXISTS (SELECT 1 FROM {Table(db, table)}) AS \"Value\"";
        return await db.Database.SqlQueryRaw<bool>(sql).SingleAsync(cancellationToken);
    }

    private static async Task<long> CountAsync(DbContext db, IEntityType table, CancellationToken cancellationToken)
    {
        var sql = $"SELECT COUNT(*) AS \"Value\" FROM {Table(db, table)}";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync(cancellationToken);
    }

    internal static string Table(DbContext db, IEntityType table) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table.GetTableName()!, table.GetSchema());

    internal static string Delimit(DbContext db, string identifier) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);
}
