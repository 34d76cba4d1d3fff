namespace RelanceBot.Plans;

public sealed record PlanRequestResult(InstallmentPlan? Plan, PlanRequestRefusal? Refusal)
{
    public bool Succeeded => Plan is not null;

    public static PlanRequestResult Refused(PlanRequestRefusal refusal) => new(null, refusal);
}
