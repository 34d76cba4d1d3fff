using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RelanceBot.Auditing;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>
/// Inserts many new rows of one entity type without the change tracker, from the EF model (table, columns, value
/// converters). For the reminder sweep's thousands of rows per batch, where SaveChanges spends ~100 µs per row on
/// sorting and re-preparing commands. Runs in the context's current transaction, which the caller must have begun.
/// </summary>
/// <remarks>
/// SQLite gets one prepared single-row statement stepped per row (<see cref="SqliteRowWriter"/>); other providers get
/// multi-row <c>INSERT</c>s, prepared once and reused, which saves round trips.
/// </remarks>
public static class BulkInsert
{
    // Several rows per statement save round trips to a database server; about a hundred parameters keeps each
    // statement small enough to prepare once and reuse.
    private const int ParametersPerStatement = 100;

    /// <summary>
    /// Everything an insert of <paramref name="entities"/> computes before writing (store values, audit entries), so
    /// it can happen outside the write transaction: on SQLite, while another unit of work holds the single writer.
    /// An <see cref="IAuditable"/> type gets its "created" audit entries, as the audit interceptor would have written
    /// them. Interceptors do not run, so aggregates that need them (<see cref="IConcurrencyVersioned"/>) are refused.
    /// </summary>
    /// <param name="unlessTaken">A property with a unique index: a row whose value is already stored is skipped
    /// (left to the index, without a query), instead of failing the insert. Not for audited types, whose entries would
    /// be written for rows that were not.</param>
    public static BulkRows PrepareInsert<TEntity>(
        this DbContext db, IReadOnlyCollection<TEntity> entities, IAuditActor actor, DateTimeOffset now, string? unlessTaken = null)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(actor);
        if (typeof(IConcurrencyVersioned).IsAssignableFrom(typeof(TEntity)))
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} needs SaveChanges to renew its concurrency version.");
        }

        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var audited = typeof(IAuditable).IsAssignableFrom(typeof(TEntity));
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(property => !IsGeneratedByDatabase(property))
            .Select(property => new BulkColumn(property, table)).ToList();
        var uniqueKey = unlessTaken is null ? null : UniqueColumn(entityType, table, unlessTaken, audited);
        // SQLite's rows are bound as store values, encoded here; other providers build their parameters from the entities
        // at write time.
        List<object?[]>? values = db.Database.IsSqlite() ? StoreValues(entities, columns) : null;
        var audit = audited && entities.Count > 0
            ? db.PrepareInsert([.. entities.Select(entity => AuditDescription.Created(entityType, (IAuditable)entity, actor.Name, now))], actor, now)
            : null;
        return new BulkRows(table, columns, [.. entities], values, audit) { UniqueKey = uniqueKey };
    }

    /// <summary>
    /// Writes rows from <see cref="PrepareInsert"/> in the context's current transaction. A violated unique index
    /// (other than the one rows were prepared to skip on) throws <see cref="DbException"/>.
    /// </summary>
    /// <returns>The number of rows written.</returns>
    public static async Task<int> InsertAsync(this DbContext db, BulkRows rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Entities.Count == 0)
        {
            return 0;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert joins the caller's transaction: begin one first.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var written = rows.Values is { } values
            ? SqliteRowWriter.Insert((SqliteConnection)transaction.Connection!, InsertSql(sql, rows, rowCount: 1), values)
            : await InsertInChunksAsync(transaction, sql, rows, cancellationToken);

        if (rows.Audit is { } audit)
        {
            await db.InsertAsync(audit, cancellationToken);
        }

        return written;
    }

    private static async Task<int> InsertInChunksAsync(DbTransaction transaction, ISqlGenerationHelper sql, BulkRows rows, CancellationToken cancellationToken)
    {
        var columns = rows.Columns;
        var written = 0;
        DbCommand? command = null;
        try
        {
            foreach (var chunk in rows.Entities.Chunk(Math.Max(1, ParametersPerStatement / columns.Count)))
            {
                // Full chunks share one command, so the provider prepares its statement once and later chunks give its
                // parameters new values; only a shorter last chunk needs a statement of its own.
                if (command is not null && command.Parameters.Count == chunk.Length * columns.Count)
                {
                    for (var index = 0; index < command.Parameters.Count; index++)
                    {
                        columns[index % columns.Count].Rebind(command.Parameters[index], chunk[index / columns.Count]);
                    }
                }
                else
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = await PreparedCommandAsync(transaction, sql, rows, chunk, cancellationToken);
                }

                written += await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A multi-row insert of <paramref name="chunk"/>, prepared with its parameters: Npgsql binds the placeholders to
    /// the parameter objects the statement was prepared with, so they must exist first and be reused after.
    /// </summary>
    private static async Task<DbCommand> PreparedCommandAsync(
        DbTransaction transaction, ISqlGenerationHelper sql, BulkRows rows, object[] chunk, CancellationToken cancellationToken)
    {
        var command = transaction.Connection!.CreateCommand();
        try
        {
            command.Transaction = transaction;
            command.CommandText = InsertSql(sql, rows, chunk.Length);
            for (var row = 0; row < chunk.Length; row++)
            {
                for (var column = 0; column < rows.Columns.Count; column++)
                {
                    command.Parameters.Add(rows.Columns[column].Parameter(command, $"@p{row}_{column}", chunk[row]));
                }
            }

            await command.PrepareAsync(cancellationToken);
            return command;
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }
    }

    // Plain loops: thousands of rows per batch, without an iterator and a delegate for each.
    private static List<object?[]> StoreValues<TEntity>(IReadOnlyCollection<TEntity> entities, List<BulkColumn> columns)
        where TEntity : class
    {
        var rows = new List<object?[]>(entities.Count);
        foreach (var entity in entities)
        {
            var row = new object?[columns.Count];
            for (var column = 0; column < row.Length; column++)
            {
                row[column] = SqliteRowWriter.ToStoreValue(columns[column].ProviderValue(entity));
            }

            rows.Add(row);
        }

        return rows;
    }

    // Database-assigned identities (e.g. the audit log's sequence) are left out of the column list.
    private static bool IsGeneratedByDatabase(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int));

    private static string UniqueColumn(IEntityType entityType, StoreObjectIdentifier table, string propertyName, bool audited)
    {
        if (audited)
        {
            throw new InvalidOperationException($"{entityType.ClrType.Name} is audited: its rows cannot be skipped silently.");
        }

        var property = entityType.FindProperty(propertyName)
            ?? throw new InvalidOperationException($"{entityType.ClrType.Name} has no property {propertyName}.");
        return entityType.GetIndexes().Any(index => index.IsUnique && index.GetFilter() is null && index.Properties.SequenceEqual([property]))
            ? property.GetColumnName(table)!
            : throw new InvalidOperationException($"{entityType.ClrType.Name}.{propertyName} has no unique index to skip taken values on.");
    }

    private static string InsertSql(ISqlGenerationHelper sql, BulkRows rows, int rowCount)
    {
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(rows.Table.Name, rows.Table.Schema)).Append(" (")
            .AppendJoin(", ", rows.Columns.Select(column => sql.DelimitIdentifier(column.Name)))
            .Append(") VALUES ");
        for (var row = 0; row < rowCount; row++)
        {
            text.Append(row == 0 ? "(" : ", (")
                .AppendJoin(", ", rows.Columns.Select((_, column) => $"@p{row}_{column}"))
                .Append(')');
        }

        // SQLite and PostgreSQL share the upsert syntax.
        if (rows.UniqueKey is { } key)
        {
            text.Append(" ON CONFLICT (").Append(sql.DelimitIdentifier(key)).Append(") DO NOTHING");
        }

        return text.ToString();
    }
}
