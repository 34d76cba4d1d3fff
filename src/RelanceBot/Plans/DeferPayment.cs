using RelanceBot.Invoices;
using RelanceBot.Persistence;

namespace RelanceBot.Plans;

/// <summary>
/// The patient picks a date to pay, within the practice's horizon: recorded with their words and the time, reminders
/// pause until then, and on that day the patient gets the pay link (<see cref="DeferredPaymentLinks"/>).
/// </summary>
public sealed class DeferPayment(RelanceBotDbContext db, PracticePlanTerms terms, TimeProvider time)
{
    /// <summary>Records the deferral and saves it.</summary>
    public async Task<DeferralResult> HandleAsync(
        Guid invoiceId, DateOnly payOn, string patientWords, CancellationToken cancellationToken)
    {
        var result = await StageAsync(invoiceId, payOn, patientWords, cancellationToken);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Adds the deferral and the pause to the caller's unit of work without saving: a conversation turn saves them
    /// together with its dialog state, so a failed turn leaves no half-recorded agreement.
    /// </summary>
    public async Task<DeferralResult> StageAsync(
        Guid invoiceId, DateOnly payOn, string patientWords, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientWords);
        var (invoice, practice, refusal) = await PayableInvoices.FindAsync(db, invoiceId, cancellationToken);
        if (refusal is not null)
        {
            return DeferralResult.Refused(refusal.Value);
        }

        var practiceTerms = await terms.GetAsync(invoice!.PracticeId, cancellationToken);
        var now = time.GetUtcNow();
        var today = PracticeTime.Today(practice!.TimeZoneId, now);
        if (payOn <= today || !PayableInvoices.IsWithinHorizon(payOn, today, practiceTerms.MaxDeferralDays))
        {
            return DeferralResult.Refused(PlanRequestRefusal.DateOutOfRange);
        }

        var deferral = PaymentDeferral.Record(invoice.PracticeId, invoice.Id, invoice.PatientId, payOn, patientWords, now);
        db.Add(deferral);
        invoice.Acknowledge(now);
        // The link itself goes out on the day; the cadence picks up again the day after if nothing came.
        invoice.PauseReminders(PracticeTime.StartOf(payOn.AddDays(1), practice.TimeZoneId), ReminderPauseReason.PaymentDeferred, now);
        return new DeferralResult(deferral, null);
    }
}
