using Microsoft.EntityFrameworkCore;

namespace RelanceBot.Intake;

/// <summary>Which slice of a list to return: <see cref="Limit"/> rows after skipping <see cref="Offset"/>.</summary>
public readonly record struct PageRequest(int Offset, int Limit)
{
    /// <summary>One page of <paramref name="ordered"/> (ordered to a unique key, so pages never overlap) and the total.</summary>
    public async Task<Page<TItem>> ReadAsync<TRow, TItem>(
        IQueryable<TRow> ordered, Func<TRow, TItem> toItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toItem);
        var total = await ordered.CountAsync(cancellationToken);
        var rows = await ordered.Skip(Offset).Take(Limit).ToListAsync(cancellationToken);
        return new Page<TItem>([.. rows.Select(toItem)], Offset, Limit, total);
    }
}

/// <summary>A page of a list endpoint: the items, where they start, and how many match in all.</summary>
public sealed record Page<TItem>(IReadOnlyList<TItem> Items, int Offset, int Limit, int Total);
