using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RelanceBot.Auditing;

namespace RelanceBot.Persistence;

/// <summary>
/// Inserts many new rows of one entity type without the change tracker: multi-row <c>INSERT</c> statements, prepared
/// once and reused, built from the EF model (table, columns, value converters), so they work on every provider.
/// For the reminder sweep's thousands of rows per batch, where SaveChanges spends ~100 µs per row on sorting and
/// re-preparing commands. Runs in the context's current transaction, which the caller must have begun.
/// </summary>
public static class BulkInsert
{
    // SQLite looks parameters up by name with a linear scan, so the cost per row grows with the parameters of a
    // statement; a few rows per statement still saves most round trips on PostgreSQL.
    private const int ParametersPerStatement = 100;

    /// <summary>
    /// Inserts <paramref name="entities"/>; an <see cref="IAuditable"/> type also gets its "created" audit entries,
    /// as the audit interceptor would have written them. Interceptors do not run, so aggregates that need them
    /// (<see cref="IConcurrencyVersioned"/>) are refused. A violated unique index throws <see cref="DbException"/>.
    /// </summary>
    public static async Task InsertAsync<TEntity>(
        this DbContext db, IReadOnlyCollection<TEntity> entities, IAuditActor actor, DateTimeOffset now, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(actor);
        if (typeof(IConcurrencyVersioned).IsAssignableFrom(typeof(TEntity)))
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} needs SaveChanges to renew its concurrency version.");
        }

        if (entities.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert joins the caller's transaction: begin one first.");
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(property => !IsGeneratedByDatabase(property)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();

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
                        var property = columns[column];
                        command.Parameters.Add(((RelationalTypeMapping)property.GetTypeMapping()).CreateParameter(
                            command, $"@p{row}_{column}", property.GetGetter().GetClrValueUsingContainingEntity(chunk[row]), property.IsNullable));
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

        if (typeof(IAuditable).IsAssignableFrom(typeof(TEntity)))
        {
            var audit = entities.Select(entity => AuditDescription.Created(entityType, (IAuditable)entity, actor.Name, now)).ToList();
            await db.InsertAsync(audit, actor, now, cancellationToken);
        }
    }

    // Database-assigned identities (e.g. the audit log's sequence) are left out of the column list.
    private static bool IsGeneratedByDatabase(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int));

    private static string InsertSql(ISqlGenerationHelper sql, StoreObjectIdentifier table, List<IProperty> columns, int rows)
    {
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(column => sql.DelimitIdentifier(column.GetColumnName(table)!)))
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
