namespace RelanceBot.Invoices.Import;

/// <summary>A problem in the imported file: the row (1 = header line) and the column it is about.</summary>
public sealed record ImportRowError(int Row, string Field, string Message)
{
    public override string ToString() => $"Row {Row}, {Field}: {Message}";
}
