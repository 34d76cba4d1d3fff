namespace RelanceBot.Alerts;

/// <param name="InvoiceIds">The invoices of a request or claim naming several (instead of <paramref name="InvoiceId"/>).</param>
public sealed record NewStaffAlert(
    Guid PracticeId,
    StaffAlertKind Kind,
    string Summary,
    Guid? PatientId = null,
    Guid? InvoiceId = null,
    string? PatientWords = null,
    bool RequiresDecision = false,
    IReadOnlyList<Guid>? InvoiceIds = null);
