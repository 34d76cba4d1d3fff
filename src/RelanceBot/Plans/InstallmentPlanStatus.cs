namespace RelanceBot.Plans;

/// <summary>
/// Stored by name. Requested → Approved/Rejected → Active (card saved with installment 1) → Completed/Failed, or
/// Cancelled at any live step when its invoice is settled, cancelled or disputed another way.
/// </summary>
public enum InstallmentPlanStatus
{
    Requested,
    Approved,
    Rejected,
    Active,
    Completed,
    Failed,

    /// <summary>Overtaken by its invoice (settled, cancelled or disputed): never approved or charged from then on.</summary>
    Cancelled,
}
