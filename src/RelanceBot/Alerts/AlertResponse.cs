namespace RelanceBot.Alerts;

/// <summary>
/// A staff alert as the practice's software sees it: its id is what <c>POST /api/v1/alerts/{id}/approve|reject</c>
/// takes. <c>InvoiceIds</c> lists every invoice a request or claim over several covers (<c>InvoiceId</c>, the first).
/// </summary>
public sealed record AlertResponse(
    Guid Id,
    string Kind,
    string Status,
    bool RequiresDecision,
    string Summary,
    string? PatientWords,
    Guid? InvoiceId,
    IReadOnlyList<Guid> InvoiceIds,
    string? InvoiceReference,
    string? PatientReference,
    DateTimeOffset CreatedAt,
    string? HandledBy,
    DateTimeOffset? HandledAt,
    string? Resolution)
{
    public static AlertResponse From(StaffAlert alert, string? invoiceReference, string? patientReference) => new(
        alert.Id,
        alert.Kind.ToString(),
        alert.Status.ToString(),
        alert.RequiresDecision,
        alert.Summary,
        alert.PatientWords,
        alert.InvoiceId,
        alert.CoveredInvoiceIds,
        invoiceReference,
        patientReference,
        alert.CreatedAt,
        alert.HandledBy,
        alert.HandledAt,
        alert.Resolution);
}
