using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Payments;
using RelanceBot.Persistence;

namespace RelanceBot.Plans;

/// <summary>
/// Staff approve or reject a requested plan (from the API now, from the Teams card later). Approval places the
/// invoice under the plan and sends the patient the link for installment 1; rejection resumes the cadence.
/// </summary>
public sealed class DecideInstallmentPlan(
    RelanceBotDbContext db, IPaymentLinks links, IPatientNotifier notifier, TimeProvider time)
{
    /// <param name="practiceId">The practice deciding: a plan of another practice is not found.</param>
    public async Task<PlanDecisionOutcome> HandleAsync(
        Guid practiceId, Guid planId, PlanDecision decision, string decidedBy, CancellationToken cancellationToken)
    {
        var plan = await db.Set<InstallmentPlan>()
            .SingleOrDefaultAsync(plan => plan.Id == planId && plan.PracticeId == practiceId, cancellationToken);
        if (plan is null)
        {
            return PlanDecisionOutcome.NotFound;
        }

        var now = time.GetUtcNow();
        var decided = decision == PlanDecision.Approve ? plan.Approve(decidedBy, now) : plan.Reject(decidedBy, now);
        if (!decided)
        {
            return PlanDecisionOutcome.AlreadyDecided;
        }

        var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == plan.InvoiceId, cancellationToken);
        var link = await links.GetLinkAsync(invoice.Id, cancellationToken);
        if (decision == PlanDecision.Approve)
        {
            invoice.PlaceUnderPlan(now);
            invoice.ResumeReminders(now);
            notifier.Notify(new PatientNotice(
                plan.PracticeId, plan.PatientId, plan.InvoiceId, PatientNoticeKind.PlanApproved, link, plan.NextDue!.AmountCents));
        }
        else
        {
            invoice.ResumeReminders(now);
            notifier.Notify(new PatientNotice(plan.PracticeId, plan.PatientId, plan.InvoiceId, PatientNoticeKind.PlanRejected, link));
        }

        if (plan.ApprovalAlertId is { } alertId && await db.StaffAlerts.FindAsync([alertId], cancellationToken) is { } alert)
        {
            alert.Resolve(decision == PlanDecision.Approve ? StaffAlertStatus.Approved : StaffAlertStatus.Rejected, decidedBy, null, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return PlanDecisionOutcome.Decided;
    }
}
