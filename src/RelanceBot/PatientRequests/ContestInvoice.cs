using RelanceBot.Alerts;
using RelanceBot.Conversations.Flows;

namespace RelanceBot.PatientRequests;

/// <summary>
/// "I contest this invoice" (chat or patient space): the invoice is disputed (its reminders stop) and staff get a
/// <see cref="StaffAlertKind.Dispute"/> alert with the patient's reason. Staged in the caller's unit of work.
/// </summary>
public sealed class ContestInvoice(PatientFiles files, StaffAlerts alerts, TimeProvider time)
{
    /// <summary>False when the invoice is no longer open (paid or settled meanwhile): nothing is recorded.</summary>
    public async Task<bool> StageAsync(Guid practiceId, Guid patientId, Guid invoiceId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var invoice = (await files.TrackOpenInvoicesAsync(patientId, [invoiceId], cancellationToken)).SingleOrDefault();
        if (invoice is null)
        {
            return false;
        }

        invoice.Dispute(time.GetUtcNow());
        var texts = await alerts.TextsForAsync(practiceId, cancellationToken);
        alerts.Raise(new NewStaffAlert(
            practiceId,
            StaffAlertKind.Dispute,
            texts.Say("dispute", ("invoice", invoice.ExternalReference)),
            patientId,
            invoice.Id,
            reason));
        return true;
    }
}
