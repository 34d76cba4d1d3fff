using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Flows;
using RelanceBot.Invoices;

namespace RelanceBot.PatientRequests;

/// <summary>
/// "I already paid" (chat or patient space): the patient's open invoices among those named pause while staff check
/// the payment (one <see cref="StaffAlertKind.AlreadyPaidClaim"/> listing them, with the patient's words; its card
/// records a payment at the desk for all of them). Staged in the caller's unit of work.
/// </summary>
public sealed class ClaimPayment(PatientFiles files, StaffAlerts alerts, IOptions<ConversationOptions> options, TimeProvider time)
{
    /// <summary>Returns how many invoices were paused: none when they were all settled meanwhile.</summary>
    public async Task<int> StageAsync(
        Guid practiceId, Guid patientId, IReadOnlyCollection<Guid> invoiceIds, string patientWords, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientWords);
        var now = time.GetUtcNow();
        var invoices = await files.PauseOpenInvoicesAsync(
            patientId, invoiceIds, now.AddDays(options.Value.AlreadyPaidPauseDays), ReminderPauseReason.PaymentClaimed, now, cancellationToken);
        if (invoices.Count == 0)
        {
            return 0;
        }

        var texts = await alerts.TextsForAsync(practiceId, cancellationToken);
        alerts.Raise(new NewStaffAlert(
            practiceId,
            StaffAlertKind.AlreadyPaidClaim,
            texts.SayCount(
                "already-paid", invoices.Count, ("amount", texts.Format.Money(invoices.Sum(invoice => invoice.AmountOutstandingCents)))),
            patientId,
            PatientWords: patientWords,
            // Every invoice named: staff check the payment, and record it at the desk, for all of them at once.
            InvoiceIds: [.. invoices.Select(invoice => invoice.Id)]));
        return invoices.Count;
    }
}
