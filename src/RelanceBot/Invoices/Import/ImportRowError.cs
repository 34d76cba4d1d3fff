namespace RelanceBot.Invoices.Import;

/// <summary>A problem in the imported file: the row (1 = header line; 0 = the file as a whole) and the column.</summary>
public sealed record ImportRowError(int Row, string Field, string Message)
{
    public override string ToString() => Row > 0 ? $"Row {Row}, {Field}: {Message}" : $"{Field}: {Message}";
}
