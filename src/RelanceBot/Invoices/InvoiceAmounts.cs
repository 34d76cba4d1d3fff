namespace RelanceBot.Invoices;

/// <summary>The billable part of an invoice as the practice sends it. Money is in integer cents.</summary>
public sealed record InvoiceAmounts(
    long AmountDueCents,
    long AmountPaidCents,
    DateOnly IssueDate,
    DateOnly DueDate,
    string? InternalDescription,
    bool IsFeeOverrun);
