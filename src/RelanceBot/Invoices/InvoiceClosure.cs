namespace RelanceBot.Invoices;

/// <summary>Why an invoice takes no plan, deferral or charge any more, whatever was agreed before.</summary>
public enum InvoiceClosure
{
    /// <summary>Nothing is owed: paid online, at the desk, or by the last installment.</summary>
    Settled,

    Cancelled,

    /// <summary>The patient or their bank contests it: staff decide before anything else is asked of the patient.</summary>
    Disputed,
}
