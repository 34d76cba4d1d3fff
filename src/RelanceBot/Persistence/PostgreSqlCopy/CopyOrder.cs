using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RelanceBot.Persistence.PostgreSqlCopy;

/// <summary>
/// The model's tables in an order that writes every referenced row before the rows that reference it. A cycle of
/// references (a practice names its Teams channel's conversation, which names a patient of the practice) is broken at
/// an optional reference: its column is written empty, then filled in once every table is there.
/// </summary>
internal sealed class CopyOrder
{
    private CopyOrder(IReadOnlyList<IEntityType> tables, IReadOnlyList<IForeignKey> deferred)
    {
        Tables = tables;
        Deferred = deferred;
    }

    public IReadOnlyList<IEntityType> Tables { get; }

    /// <summary>References written empty at first and filled in after the copy.</summary>
    public IReadOnlyList<IForeignKey> Deferred { get; }

    public static CopyOrder For(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var remaining = model.GetEntityTypes().Where(IsTable).ToHashSet();
        var tables = new List<IEntityType>(remaining.Count);
        var deferred = new List<IForeignKey>();
        while (remaining.Count > 0)
        {
            // By name among the ready ones: the same model always copies in the same order.
            var ready = remaining.Where(table => !table.GetForeignKeys().Any(Waits)).OrderBy(Name, StringComparer.Ordinal).ToList();
            if (ready.Count > 0)
            {
                tables.AddRange(ready);
                remaining.ExceptWith(ready);
                continue;
            }

            deferred.Add(remaining.OrderBy(Name, StringComparer.Ordinal).SelectMany(table => table.GetForeignKeys())
                .FirstOrDefault(reference => !reference.IsRequired && Waits(reference))
                ?? throw new InvalidOperationException(
                    $"The tables {string.Join(", ", remaining.Select(Name))} reference each other through required columns only."));
        }

        return new CopyOrder(tables, deferred);

        // A row may reference another of its own table: one bulk copy is checked as a whole, at its end.
        bool Waits(IForeignKey reference) =>
            reference.PrincipalEntityType != reference.DeclaringEntityType
            && remaining.Contains(reference.PrincipalEntityType)
            && !deferred.Contains(reference);
    }

    private static bool IsTable(IEntityType entityType) =>
        entityType.GetTableName() is not null && !entityType.IsOwned() && entityType.FindPrimaryKey() is not null;

    private static string Name(IEntityType entityType) => entityType.GetTableName()!;
}
