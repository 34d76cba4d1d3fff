namespace RelanceBot.Plans;

public sealed record PlanResponse(
    Guid Id,
    Guid InvoiceId,
    string Status,
    long TotalCents,
    string PatientWords,
    DateTimeOffset RequestedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    IReadOnlyList<InstallmentResponse> Installments)
{
    public static PlanResponse From(InstallmentPlan plan) => new(
        plan.Id,
        plan.InvoiceId,
        plan.Status.ToString(),
        plan.TotalCents,
        plan.PatientWords,
        plan.RequestedAt,
        plan.DecidedBy,
        plan.DecidedAt,
        [.. plan.Installments.OrderBy(installment => installment.Number).Select(InstallmentResponse.From)]);
}
