namespace RelanceBot.Plans;

/// <param name="Plans">One per invoice of the request, awaiting one decision; empty when refused.</param>
public sealed record PlanRequestResult(IReadOnlyList<InstallmentPlan> Plans, PlanRequestRefusal? Refusal)
{
    public bool Succeeded => Plans.Count > 0;

    public static PlanRequestResult Refused(PlanRequestRefusal refusal) => new([], refusal);
}
