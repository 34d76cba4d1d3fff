namespace RelanceBot.Plans;

/// <summary>What a practice lets its patients ask for without calling: plan size and length, deferral horizon.</summary>
public sealed record PlanTerms(long MaxPlanAmountCents, int MaxInstallments, int MaxDeferralDays);
