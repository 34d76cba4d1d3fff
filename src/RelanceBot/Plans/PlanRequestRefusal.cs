namespace RelanceBot.Plans;

/// <summary>Why a plan or a deferral cannot be granted without staff: the dialog explains it to the patient.</summary>
public enum PlanRequestRefusal
{
    InvoiceNotFound,

    /// <summary>Paid, cancelled, disputed or already under a plan.</summary>
    InvoiceNotPayable,

    /// <summary>A plan is already waiting for staff or running for this invoice.</summary>
    PlanAlreadyRequested,

    /// <summary>2 or 3 installments, within the practice's maximum.</summary>
    InstallmentCountNotAllowed,

    /// <summary>The balance exceeds what the practice spreads (or is too small to split).</summary>
    AmountNotAllowed,

    /// <summary>In the past, or beyond the practice's horizon.</summary>
    DateOutOfRange,
}
