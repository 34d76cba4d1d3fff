namespace RelanceBot.Invoices.Import;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed record ImportReport(
    int Rows,
    int InvoicesCreated,
    int InvoicesUpdated,
    int InvoicesUnchanged,
    IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
