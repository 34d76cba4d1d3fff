namespace RelanceBot.Conversations.Flows;

/// <summary>
/// Records a plan the patient accepted, awaiting staff approval. The payments work implements it with its
/// <c>RequestInstallmentPlan</c> use case; until then <see cref="StaffApprovalPlanRequests"/> stands in.
/// </summary>
public interface IInstallmentPlanRequests
{
    /// <summary>Adds the request to the caller's unit of work (saved with the turn).</summary>
    Task RequestAsync(InstallmentPlanRequest request, CancellationToken cancellationToken);
}
