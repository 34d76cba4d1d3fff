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

    /// <summary>The practitioner handed the file to a collection service: reminders stop for good.</summary>
    HandedOver,

    /// <summary>The collection service recovered the debt (staff say so); nothing more is chased.</summary>
    Recovered,

    /// <summary>The collection service gave the file back; reminders stay stopped, the practice decides what next.</summary>
    Returned,
}
