namespace RelanceBot.Invoices;

/// <summary>Stored by name, so new states (disputed, in a payment plan…) can be added without renumbering.</summary>
public enum InvoiceStatus
{
    Open,
    PartiallyPaid,
    Paid,
    Cancelled,
}
