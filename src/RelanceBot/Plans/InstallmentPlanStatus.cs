namespace RelanceBot.Plans;

/// <summary>Stored by name. Requested → Approved/Rejected → Active (card saved with installment 1) → Completed/Failed.</summary>
public enum InstallmentPlanStatus
{
    Requested,
    Approved,
    Rejected,
    Active,
    Completed,
    Failed,
}
