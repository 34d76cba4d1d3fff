namespace RelanceBot.Alerts;

public sealed record NewStaffAlert(
    Guid PracticeId,
    StaffAlertKind Kind,
    string Summary,
    Guid? PatientId = null,
    Guid? InvoiceId = null,
    string? PatientWords = null,
    bool RequiresDecision = false);
