namespace RelanceBot.Invoices;

/// <summary>Limits shared by the schema and input validation, so a valid request always fits its columns and its calendar.</summary>
public static class InvoiceRules
{
    public const int MaxDescriptionLength = 1000;

    /// <summary>A million euros: far above any consultation, low enough to catch a misplaced decimal separator.</summary>
    public const long MaxAmountCents = 100_000_000;

    /// <summary>Older invoices are past every limitation period: an earlier date is a typing or export error.</summary>
    public static readonly DateOnly EarliestIssueDate = new(2000, 1, 1);

    /// <summary>
    /// How far ahead of the practice's today an issue date may be: a day, for software whose clock or time zone is
    /// ahead of ours. Anything later is a wrong year or a swapped day and month.
    /// </summary>
    public const int IssueDateLeadDays = 1;

    /// <summary>The longest payment term accepted: beyond it the due date is a typing error, and a cadence would wait for years.</summary>
    public const int MaxPaymentTermYears = 3;

    /// <summary>The last issue date accepted when the practice's calendar reads <paramref name="practiceToday"/>.</summary>
    public static DateOnly LatestIssueDate(DateOnly practiceToday) => practiceToday.AddDays(IssueDateLeadDays);

    /// <summary>The last due date accepted for an invoice issued on <paramref name="issueDate"/>.</summary>
    public static DateOnly LatestDueDate(DateOnly issueDate) =>
        issueDate.Year > DateOnly.MaxValue.Year - MaxPaymentTermYears ? DateOnly.MaxValue : issueDate.AddYears(MaxPaymentTermYears);
}
