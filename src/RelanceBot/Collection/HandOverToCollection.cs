using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using RelanceBot.Reminders;

namespace RelanceBot.Collection;

/// <summary>
/// The practitioner approved handing an invoice to a collection service: done only for a debt still standing, at or
/// above the practice's legal minimum, whose mise en demeure was delivered and whose payment deadline has passed.
/// Reminders then stop (the invoice is <see cref="InvoiceStatus.HandedOver"/>) and staff get an alert to say, later,
/// whether the service recovered the debt or gave the file back.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Debt collection, not a .NET collection.")]
public sealed class HandOverToCollection(RelanceBotDbContext db, CadencePolicies policies, StaffAlerts alerts)
{
    /// <summary>Hands the proposal's invoice over in the caller's unit of work, or says why not, changing nothing.</summary>
    public async Task<HandOffRefusal?> StageAsync(StaffAlert proposal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.SingleAsync(
            candidate => candidate.Id == proposal.InvoiceId && candidate.PracticeId == proposal.PracticeId, cancellationToken);
        var timeZoneId = await db.Practices.Where(practice => practice.Id == invoice.PracticeId)
            .Select(practice => practice.TimeZoneId).SingleAsync(cancellationToken);
        var policy = await policies.GetAsync(invoice.PracticeId, cancellationToken);
        if (invoice.Status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid or InvoiceStatus.Returned))
        {
            return new HandOffRefusal(HandOffRefusalReason.NotOutstanding);
        }

        if (invoice.AmountOutstandingCents < policy.LegalMinimumCents)
        {
            return new HandOffRefusal(HandOffRefusalReason.BelowMinimum);
        }

        if (await FormalNoticeDeliveredAtAsync(invoice.Id, policy, cancellationToken) is not { } sentAt)
        {
            return new HandOffRefusal(HandOffRefusalReason.NoFormalNotice);
        }

        var deadline = FormalNoticeDeadline.LastDayToPay(policy, timeZoneId, sentAt);
        if (PracticeTime.Today(timeZoneId, now) <= deadline)
        {
            return new HandOffRefusal(HandOffRefusalReason.DeadlineNotPassed, deadline);
        }

        invoice.HandOver(now);
        var texts = await alerts.TextsForAsync(invoice.PracticeId, cancellationToken);
        alerts.Raise(new NewStaffAlert(
            invoice.PracticeId,
            StaffAlertKind.CollectionInProgress,
            texts.Say("collection-in-progress", ("invoice", invoice.ExternalReference)),
            invoice.PatientId,
            invoice.Id));
        return null;
    }

    /// <summary>When the mise en demeure (the cadence's approval step) reached the patient: the delivery record's date.</summary>
    private async Task<DateTimeOffset?> FormalNoticeDeliveredAtAsync(Guid invoiceId, CadencePolicy policy, CancellationToken cancellationToken)
    {
        var noticeSteps = policy.Steps.Where(step => step.Action == StepAction.ApprovalRequest).Select(step => step.Name).ToList();
        var delivered = await db.ReminderStepRuns.AsNoTracking()
            .Where(run => run.InvoiceId == invoiceId && noticeSteps.Contains(run.StepName) && run.DeliveredAt != null)
            .Select(run => run.DeliveredAt)
            .ToListAsync(cancellationToken);
        return delivered.Max();
    }
}
