using System.Globalization;
using RelanceBot.Alerts;
using RelanceBot.Invoices;

namespace RelanceBot.Conversations.Flows;

/// <summary>Interim plan requests: a PlanApproval alert carrying the schedule and the patient's words, dated by its creation.</summary>
public sealed class StaffApprovalPlanRequests(StaffAlerts alerts) : IInstallmentPlanRequests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public Task RequestAsync(InstallmentPlanRequest request, CancellationToken cancellationToken)
    {
        var schedule = string.Join(", ", request.Schedule.Select(installment =>
            $"{EuroAmount.Format(installment.AmountCents, French)} le {installment.DueDate.ToString("dd/MM/yyyy", French)}"));
        alerts.Raise(new NewStaffAlert(
            request.PracticeId,
            StaffAlertKind.PlanApproval,
            $"Demande d'échéancier en {request.Schedule.Count} fois : {schedule}.",
            request.PatientId,
            request.InvoiceIds.Count == 1 ? request.InvoiceIds[0] : null,
            request.PatientWords,
            RequiresDecision: true));
        return Task.CompletedTask;
    }
}
