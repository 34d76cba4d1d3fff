using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Collection;
using RelanceBot.Persistence;

namespace RelanceBot.Reminders;

/// <summary>
/// A practitioner's decision on an alert that needs one. Approving a mise en demeure lets the next sweep send it
/// at the next allowed time; approving a hand-off hands the invoice to collection when the law allows it (else it is
/// refused, and the alert stays open); rejecting means neither happens.
/// </summary>
public sealed class DecideApproval(RelanceBotDbContext db, TimeProvider time, HandOverToCollection handOver)
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

        var decided = approve ? StaffAlertStatus.Approved : StaffAlertStatus.Rejected;
        if (alert.Status != StaffAlertStatus.Open)
        {
            return new(alert.Status == decided ? ApprovalOutcome.Decided : ApprovalOutcome.AlreadyDecided);
        }

        var now = time.GetUtcNow();
        if (await ApplyToCadenceAsync(alert, approve, now, cancellationToken) is { } refusal)
        {
            return new(ApprovalOutcome.Refused, refusal);
        }

        alert.Resolve(decided, handledBy, resolution, now);
        await db.SaveChangesAsync(cancellationToken);
        return new(ApprovalOutcome.Decided);
    }

    /// <summary>
    /// Carries a decision into the cadence, in the caller's unit of work (the caller resolves the alert): the step that
    /// waited for it is approved or dropped and the invoice is swept again at once; an approved hand-off hands the
    /// invoice over. Returns why a hand-off is refused, having changed nothing.
    /// </summary>
    public async Task<HandOffRefusal?> ApplyToCadenceAsync(StaffAlert alert, bool approve, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (approve && alert.Kind == StaffAlertKind.CollectionHandOff)
        {
            return await handOver.StageAsync(alert, now, cancellationToken);
        }

        if (await db.Set<ReminderStepRun>().SingleOrDefaultAsync(run => run.AlertId == alert.Id, cancellationToken) is { } run
            && run.Decide(approve, now)
            && await db.Set<ReminderSchedule>().FindAsync([run.InvoiceId], cancellationToken) is { } schedule)
        {
            schedule.WakeAt(now);
        }

        return null;
    }
}
