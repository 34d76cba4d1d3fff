using Microsoft.EntityFrameworkCore.Metadata;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>
/// New rows of one entity type made ready by <see cref="BulkInsert.PrepareInsert"/>: their store values (on SQLite)
/// and audit entries already computed, so writing them only binds and steps.
/// </summary>
public sealed class BulkRows
{
    internal BulkRows(
        StoreObjectIdentifier table, IReadOnlyList<BulkColumn> columns, IReadOnlyList<object> entities, IReadOnlyList<object?[]>? values, BulkRows? audit)
    {
        Table = table;
        Columns = columns;
        Entities = entities;
        Values = values;
        Audit = audit;
    }

    internal StoreObjectIdentifier Table { get; }

    internal IReadOnlyList<BulkColumn> Columns { get; }

    internal IReadOnlyList<object> Entities { get; }

    internal IReadOnlyList<object?[]>? Values { get; }

    internal BulkRows? Audit { get; }

    /// <summary>The column of the unique index whose taken values the insert skips, if any.</summary>
    internal string? UniqueKey { get; init; }
}
