using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Payments;
using RelanceBot.Persistence;

namespace RelanceBot.Plans;

/// <summary>
/// Staff approve or reject a requested plan (from the API or the Teams card). Approval places the invoice under the
/// plan and sends the patient the link for installment 1; rejection resumes the cadence. A plan whose invoice was
/// settled, cancelled or disputed since the request is cancelled instead, and the patient is told nothing.
/// </summary>
public sealed class DecideInstallmentPlan(
    RelanceBotDbContext db, IPaymentLinks links, IPatientNotifier notifier, TimeProvider time)
{
    /// <param name="practiceId">The practice deciding: a plan of another practice is not found.</param>
    /// <param name="resolution">Staff's own words on the decision (a reason), kept on the approval alert.</param>
    public async Task<PlanDecisionResult> HandleAsync(
        Guid practiceId, Guid planId, PlanDecision decision, string decidedBy, CancellationToken cancellationToken, string? resolution = null)
    {
        var plan = await db.Set<InstallmentPlan>()
            .SingleOrDefaultAsync(plan => plan.Id == planId && plan.PracticeId == practiceId, cancellationToken);
        if (plan is null)
        {
            return new PlanDecisionResult(PlanDecisionOutcome.NotFound);
        }

        // Read in the unit of work that saves the decision: the invoice's version makes the save fail if it changed
        // after this check (PlaceUnderPlan and ResumeReminders write it).
        var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == plan.InvoiceId, cancellationToken);
        var now = time.GetUtcNow();
        if (plan.CancelIfOvertakenBy(invoice, now) is { } closure)
        {
            await ResolveAlertAsync(plan, StaffAlertStatus.Closed, decidedBy, resolution, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new PlanDecisionResult(PlanDecisionOutcome.InvoiceClosed, closure);
        }

        var decided = decision == PlanDecision.Approve ? plan.Approve(decidedBy, now) : plan.Reject(decidedBy, now);
        if (!decided)
        {
            return new PlanDecisionResult(PlanDecisionOutcome.AlreadyDecided);
        }

        var link = await links.GetLinkAsync(invoice.Id, cancellationToken);
        if (decision == PlanDecision.Approve)
        {
            invoice.PlaceUnderPlan(now);
            invoice.ResumeReminders(now);
            await notifier.NotifyAsync(
                new PatientNotice(
                    $"plan-approved:{plan.Id}", plan.PracticeId, plan.PatientId, plan.InvoiceId, PatientNoticeKind.PlanApproved, link,
                    plan.NextDue!.AmountCents),
                cancellationToken);
        }
        else
        {
            invoice.ResumeReminders(now);
            await notifier.NotifyAsync(
                new PatientNotice($"plan-rejected:{plan.Id}", plan.PracticeId, plan.PatientId, plan.InvoiceId, PatientNoticeKind.PlanRejected, link),
                cancellationToken);
        }

        await ResolveAlertAsync(
            plan, decision == PlanDecision.Approve ? StaffAlertStatus.Approved : StaffAlertStatus.Rejected, decidedBy, resolution, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new PlanDecisionResult(PlanDecisionOutcome.Decided);
    }

    private async Task ResolveAlertAsync(
        InstallmentPlan plan, StaffAlertStatus outcome, string decidedBy, string? resolution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (plan.ApprovalAlertId is { } alertId && await db.StaffAlerts.FindAsync([alertId], cancellationToken) is { } alert)
        {
            alert.Resolve(outcome, decidedBy, resolution, now);
        }
    }
}
