namespace RelanceBot.Outbox;

/// <summary>Why a message is sent; send guards and the fallback decide by it.</summary>
public enum OutboxPurpose
{
    Reminder,
    InstallmentReminder,
    PaymentReceipt,
    PlanConfirmation,
    FormalNotice,

    /// <summary>For the practice's staff, never for a patient: it has no fallback.</summary>
    StaffAlert,
}
