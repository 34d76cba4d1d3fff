namespace RelanceBot.Invoices;

/// <summary>Stored by name, so new states (disputed, in a payment plan…) can be added without renumbering.</summary>
public enum InvoiceStatus
{
    Open,
    PartiallyPaid,
    Paid,
    Cancelled,

    /// <summary>The patient contests it; reminders stop until staff resolve it.</summary>
    Disputed,

    /// <summary>An approved installment plan carries the debt.</summary>
    UnderPlan,
}
