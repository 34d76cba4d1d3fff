using Microsoft.EntityFrameworkCore;
using RelanceBot.Collection;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using RelanceBot.Reminders;

namespace RelanceBot.Alerts;

/// <summary>
/// A staff decision on an alert that needs one, the same from the API (<c>POST /api/v1/alerts/{id}/approve|reject</c>)
/// and a Teams card. Approving a plan request approves all its plans at once; approving a mise en demeure lets the next
/// sweep send it at the next allowed time; approving a hand-off hands the invoice to collection when the law allows it
/// (else it is refused, and the alert stays open); rejecting means none of it happens.
/// </summary>
public sealed class DecideApproval(RelanceBotDbContext db, TimeProvider time, HandOverToCollection handOver, DecideInstallmentPlan plans)
{
    public async Task<ApprovalResult> HandleAsync(
        Guid practiceId, Guid alertId, bool approve, string handledBy, string? resolution, CancellationToken cancellationToken)
    {
        var alert = await db.StaffAlerts.SingleOrDefaultAsync(
            candidate => candidate.Id == alertId && candidate.PracticeId == practiceId, cancellationToken);
        if (alert is null)
        {
            return new(ApprovalOutcome.NotFound);
        }

        if (!alert.RequiresDecision)
        {
            return new(ApprovalOutcome.NoDecisionNeeded);
        }

        if (alert.Status != StaffAlertStatus.Open)
        {
            var decided = approve ? StaffAlertStatus.Approved : StaffAlertStatus.Rejected;
            return new(alert.Status == decided ? ApprovalOutcome.Decided : ApprovalOutcome.AlreadyDecided);
        }

        var result = await StageAsync(alert, approve, handledBy, resolution, time.GetUtcNow(), cancellationToken);
        if (result.Outcome != ApprovalOutcome.Refused)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Carries the decision on an open alert into what waited for it and resolves the alert, in the caller's unit of
    /// work (nothing is saved): the plans of a request are decided, the cadence step that waited is approved or dropped
    /// and the invoice swept again at once, an approved hand-off hands the invoice over. A refused hand-off changes
    /// nothing and is returned as <see cref="ApprovalOutcome.Refused"/>.
    /// </summary>
    public async Task<ApprovalResult> StageAsync(
        StaffAlert alert, bool approve, string handledBy, string? resolution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (alert.Kind == StaffAlertKind.PlanApproval)
        {
            var decision = await plans.StageAsync(
                await plans.OfRequestAsync(alert, cancellationToken), approve ? PlanDecision.Approve : PlanDecision.Reject, handledBy, now, cancellationToken);
            if (decision is { Outcome: PlanDecisionOutcome.InvoiceClosed, Closure: { } closure })
            {
                alert.Resolve(StaffAlertStatus.Closed, handledBy, resolution, now);
                return new(ApprovalOutcome.Overtaken, Closure: closure);
            }
        }
        else if (approve && alert.Kind == StaffAlertKind.CollectionHandOff)
        {
            if (await handOver.StageAsync(alert, now, cancellationToken) is { } refusal)
            {
                return new(ApprovalOutcome.Refused, refusal);
            }
        }
        else if (await db.Set<ReminderStepRun>().SingleOrDefaultAsync(run => run.AlertId == alert.Id, cancellationToken) is { } run
            && run.Decide(approve, now)
            && await db.Set<ReminderSchedule>().FindAsync([run.InvoiceId], cancellationToken) is { } schedule)
        {
            schedule.WakeAt(now);
        }

        alert.Resolve(approve ? StaffAlertStatus.Approved : StaffAlertStatus.Rejected, handledBy, resolution, now);
        return new(ApprovalOutcome.Decided);
    }
}
