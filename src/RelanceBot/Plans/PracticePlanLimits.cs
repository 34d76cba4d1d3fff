using RelanceBot.Auditing;

namespace RelanceBot.Plans;

/// <summary>A practice's own plan and deferral limits; a null field falls back to <see cref="PlansOptions"/>.</summary>
public sealed class PracticePlanLimits : IAuditable
{
    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public long? MaxPlanAmountCents { get; private set; }

    public int? MaxInstallments { get; private set; }

    public int? MaxDeferralDays { get; private set; }

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private PracticePlanLimits()
    {
    }

    public static PracticePlanLimits For(Guid practiceId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PracticeId = practiceId,
    };

    public void Set(long? maxPlanAmountCents, int? maxInstallments, int? maxDeferralDays)
    {
        if (maxPlanAmountCents is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPlanAmountCents));
        }

        if (maxInstallments is < InstallmentPlan.MinInstallments or > InstallmentPlan.MaxInstallments)
        {
            throw new ArgumentOutOfRangeException(nameof(maxInstallments));
        }

        if (maxDeferralDays is <= 0 or > 365)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDeferralDays));
        }

        MaxPlanAmountCents = maxPlanAmountCents;
        MaxInstallments = maxInstallments;
        MaxDeferralDays = maxDeferralDays;
    }

    public PlanTerms Over(PlansOptions defaults) => new(
        MaxPlanAmountCents ?? defaults.MaxPlanAmountCents,
        MaxInstallments ?? defaults.MaxInstallments,
        MaxDeferralDays ?? defaults.MaxDeferralDays);
}
