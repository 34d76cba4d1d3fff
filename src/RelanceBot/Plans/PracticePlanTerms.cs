using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Persistence;

namespace RelanceBot.Plans;

/// <summary>Reads the terms that apply to a practice: its own limits over the configured defaults.</summary>
public sealed class PracticePlanTerms(RelanceBotDbContext db, IOptions<PlansOptions> defaults)
{
    public async Task<PlanTerms> GetAsync(Guid practiceId, CancellationToken cancellationToken)
    {
        var limits = await db.Set<PracticePlanLimits>().SingleOrDefaultAsync(limits => limits.PracticeId == practiceId, cancellationToken);
        var options = defaults.Value;
        return limits?.Over(options) ?? new PlanTerms(options.MaxPlanAmountCents, options.MaxInstallments, options.MaxDeferralDays);
    }
}
