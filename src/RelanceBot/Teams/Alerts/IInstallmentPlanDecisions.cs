using RelanceBot.Alerts;
using RelanceBot.Plans;

namespace RelanceBot.Teams.Alerts;

/// <summary>The port through which a card's approve/reject reaches the installment plan behind a PlanApproval alert.</summary>
public interface IInstallmentPlanDecisions
{
    /// <summary>
    /// Decides the plan awaiting <paramref name="alert"/>; the plan's use case resolves the alert (with
    /// <paramref name="resolution"/>) and saves. Returns null, changing nothing, when no plan awaits that alert.
    /// </summary>
    Task<PlanDecisionResult?> DecideAsync(
        StaffAlert alert, bool approve, string decidedBy, string? resolution, CancellationToken cancellationToken);
}
