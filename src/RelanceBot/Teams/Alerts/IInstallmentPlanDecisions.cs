using RelanceBot.Alerts;

namespace RelanceBot.Teams.Alerts;

/// <summary>
/// The port through which a card's approve/reject reaches the installment plan behind a PlanApproval alert. Runs in
/// the caller's unit of work: implementations change entities and never save.
/// </summary>
public interface IInstallmentPlanDecisions
{
    Task ApproveAsync(StaffAlert alert, string approvedBy, CancellationToken cancellationToken);

    Task RejectAsync(StaffAlert alert, string rejectedBy, string? reason, CancellationToken cancellationToken);
}
