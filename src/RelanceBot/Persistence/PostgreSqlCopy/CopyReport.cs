namespace RelanceBot.Persistence.PostgreSqlCopy;

/// <summary>What <see cref="SqliteToPostgreSqlCopy"/> did: the rows of each table, or why it wrote nothing.</summary>
public sealed record CopyReport(IReadOnlyList<TableCount> Tables, string? Refusal)
{
    public static CopyReport Copied(IReadOnlyList<TableCount> tables) => new(tables, null);

    public static CopyReport Refused(string reason) => new([], reason);
}

public sealed record TableCount(string Table, long Rows);
