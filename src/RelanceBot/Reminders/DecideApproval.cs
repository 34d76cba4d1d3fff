using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Persistence;

namespace RelanceBot.Reminders;

/// <summary>
/// A practitioner's decision on an alert that needs one. Approving a mise en demeure lets the next sweep send it
/// at the next allowed time; rejecting it means it is never sent.
/// </summary>
public sealed class DecideApproval(RelanceBotDbContext db, TimeProvider time)
{
    public async Task<ApprovalOutcome> HandleAsync(
        Guid practiceId, Guid alertId, bool approve, string handledBy, string? resolution, CancellationToken cancellationToken)
    {
        var alert = await db.StaffAlerts.SingleOrDefaultAsync(
            candidate => candidate.Id == alertId && candidate.PracticeId == practiceId, cancellationToken);
        if (alert is null)
        {
            return ApprovalOutcome.NotFound;
        }

        if (!alert.RequiresDecision)
        {
            return ApprovalOutcome.NoDecisionNeeded;
        }

        var now = time.GetUtcNow();
        if (!alert.Resolve(approve ? StaffAlertStatus.Approved : StaffAlertStatus.Rejected, handledBy, resolution, now))
        {
            return alert.Status == (approve ? StaffAlertStatus.Approved : StaffAlertStatus.Rejected)
                ? ApprovalOutcome.Decided
                : ApprovalOutcome.AlreadyDecided;
        }

        await ApplyToCadenceAsync(alertId, approve, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ApprovalOutcome.Decided;
    }

    /// <summary>
    /// Carries a decision already recorded on the alert into the cadence, in the caller's unit of work: the step that
    /// waited for it is approved or dropped, and the invoice is swept again at once.
    /// </summary>
    public async Task ApplyToCadenceAsync(Guid alertId, bool approve, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Set<ReminderStepRun>().SingleOrDefaultAsync(run => run.AlertId == alertId, cancellationToken) is { } run
            && run.Decide(approve, now)
            && await db.Set<ReminderSchedule>().FindAsync([run.InvoiceId], cancellationToken) is { } schedule)
        {
            schedule.WakeAt(now);
        }
    }
}
