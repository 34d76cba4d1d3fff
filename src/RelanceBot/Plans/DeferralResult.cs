namespace RelanceBot.Plans;

public sealed record DeferralResult(PaymentDeferral? Deferral, PlanRequestRefusal? Refusal)
{
    public bool Succeeded => Deferral is not null;

    public static DeferralResult Refused(PlanRequestRefusal refusal) => new(null, refusal);
}
