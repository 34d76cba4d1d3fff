namespace RelanceBot.Invoices;

/// <summary>Limits shared by the schema and input validation, so a valid request always fits its columns.</summary>
public static class InvoiceRules
{
    public const int MaxDescriptionLength = 1000;

    /// <summary>A million euros: far above any consultation, low enough to catch a misplaced decimal separator.</summary>
    public const long MaxAmountCents = 100_000_000;
}
