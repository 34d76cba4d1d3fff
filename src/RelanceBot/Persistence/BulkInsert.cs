using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RelanceBot.Auditing;

namespace RelanceBot.Persistence;

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
    public static BulkRows PrepareInsert<TEntity>(this DbContext db, IReadOnlyCollection<TEntity> entities, IAuditActor actor, DateTimeOffset now)
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
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(property => !IsGeneratedByDatabase(property))
            .Select(property => new BulkColumn(property, table)).ToList();
        // SQLite's rows are bound as store values, encoded here; other providers build their parameters from the entities
        // at write time.
        List<object?[]>? values = db.Database.IsSqlite() ? StoreValues(entities, columns) : null;
        var audit = typeof(IAuditable).IsAssignableFrom(typeof(TEntity)) && entities.Count > 0
            ? db.PrepareInsert([.. entities.Select(entity => AuditDescription.Created(entityType, (IAuditable)entity, actor.Name, now))], actor, now)
            : null;
        return new BulkRows(table, columns, [.. entities], values, audit);
    }

    /// <summary>
    /// Writes rows from <see cref="PrepareInsert"/> in the context's current transaction. A violated unique index
    /// throws <see cref="DbException"/>.
    /// </summary>
    public static async Task InsertAsync(this DbContext db, BulkRows rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Entities.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert joins the caller's transaction: begin one first.");
        var sql = db.GetService<ISqlGenerationHelper>();
        if (rows.Values is { } values)
        {
            SqliteRowWriter.Insert((SqliteConnection)transaction.Connection!, InsertSql(sql, rows.Table, rows.Columns, rows: 1), values);
        }
        else
        {
            await InsertInChunksAsync(transaction, sql, rows.Table, rows.Columns, rows.Entities, cancellationToken);
        }

        if (rows.Audit is { } audit)
        {
            await db.InsertAsync(audit, cancellationToken);
        }
    }

    private static async Task InsertInChunksAsync(
        DbTransaction transaction,
        ISqlGenerationHelper sql,
        StoreObjectIdentifier table,
        IReadOnlyList<BulkColumn> columns,
        IReadOnlyList<object> entities,
        CancellationToken cancellationToken)
    {
        DbCommand? command = null;
        try
        {
            foreach (var chunk in entities.Chunk(Math.Max(1, ParametersPerStatement / columns.Count)))
            {
                // Full chunks share one command, so the provider prepares its statement once; only a shorter last
                // chunk needs a statement of its own.
                if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = transaction.Connection!.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = InsertSql(sql, table, columns, chunk.Length);
                    command.Prepare();
                }

                command.Parameters.Clear();
                for (var row = 0; row < chunk.Length; row++)
                {
                    for (var column = 0; column < columns.Count; column++)
                    {
                        command.Parameters.Add(columns[column].Parameter(command, $"@p{row}_{column}", chunk[row]));
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
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

    private static string InsertSql(ISqlGenerationHelper sql, StoreObjectIdentifier table, IReadOnlyList<BulkColumn> columns, int rows)
    {
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(column => sql.DelimitIdentifier(column.Name)))
            .Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (")
                .AppendJoin(", ", columns.Select((_, column) => $"@p{row}_{column}"))
                .Append(')');
        }

        return text.ToString();
    }
}
