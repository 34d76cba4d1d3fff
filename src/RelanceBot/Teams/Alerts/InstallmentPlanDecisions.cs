using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Persistence;
using RelanceBot.Plans;

namespace RelanceBot.Teams.Alerts;

/// <summary>A card's decision carried out by the plans' own use case: the invoice goes under plan, the patient is told.</summary>
public sealed class InstallmentPlanDecisions(RelanceBotDbContext db, DecideInstallmentPlan decide) : IInstallmentPlanDecisions
{
    public async Task<PlanDecisionResult?> DecideAsync(
        StaffAlert alert, bool approve, string decidedBy, string? resolution, CancellationToken cancellationToken)
    {
        var planId = await db.Set<InstallmentPlan>()
            .Where(plan => plan.ApprovalAlertId == alert.Id && plan.PracticeId == alert.PracticeId)
            .Select(plan => (Guid?)plan.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (planId is null)
        {
            return null;
        }

        var result = await decide.HandleAsync(
            alert.PracticeId, planId.Value, approve ? PlanDecision.Approve : PlanDecision.Reject, decidedBy, cancellationToken, resolution);
        return result.Outcome == PlanDecisionOutcome.NotFound ? null : result;
    }
}
