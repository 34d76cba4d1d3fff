using System.ComponentModel.DataAnnotations;

namespace RelanceBot.Plans;

/// <summary>Defaults for practices that set no limits of their own (<see cref="PracticePlanTerms"/>).</summary>
public sealed class PlansOptions
{
    public const string SectionName = "Plans";

    /// <summary>The largest balance a plan may spread, in cents.</summary>
    [Range(1, long.MaxValue)]
    public long MaxPlanAmountCents { get; set; } = 200_000;

    [Range(InstallmentPlan.MinInstallments, InstallmentPlan.MaxInstallments)]
    public int MaxInstallments { get; set; } = InstallmentPlan.MaxInstallments;

    /// <summary>How far ahead a patient may defer a payment (or start a plan), in days.</summary>
    [Range(1, 365)]
    public int MaxDeferralDays { get; set; } = 30;

    /// <summary>Failed off-session charges of one installment before staff take over.</summary>
    [Range(1, 10)]
    public int MaxChargeAttempts { get; set; } = 3;

    /// <summary>Time given to the patient to pay through the link before the saved card is tried again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromDays(3);
}
