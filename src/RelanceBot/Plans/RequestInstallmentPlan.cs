using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Persistence;

namespace RelanceBot.Plans;

/// <summary>
/// The patient asks (in the chat) to pay in 2 or 3 monthly installments. Records the request with their words and the
/// time, asks staff to decide (a <see cref="StaffAlertKind.PlanApproval"/> alert), and pauses reminders meanwhile.
/// </summary>
public sealed class RequestInstallmentPlan(
    RelanceBotDbContext db, StaffAlerts alerts, PracticePlanTerms terms, TimeProvider time)
{
    /// <summary>Records the request and saves it.</summary>
    public async Task<PlanRequestResult> HandleAsync(
        Guid invoiceId, int installmentCount, string patientWords, DateOnly firstDueDate, CancellationToken cancellationToken)
    {
        var result = await StageAsync(invoiceId, installmentCount, patientWords, firstDueDate, cancellationToken);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Adds the plan, its alert and the pause to the caller's unit of work without saving: a conversation turn saves
    /// them together with its dialog state, so a failed turn leaves no half-recorded agreement.
    /// </summary>
    public async Task<PlanRequestResult> StageAsync(
        Guid invoiceId, int installmentCount, string patientWords, DateOnly firstDueDate, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientWords);
        var (invoice, practice, refusal) = await PayableInvoices.FindAsync(db, invoiceId, cancellationToken);
        if (refusal is not null)
        {
            return PlanRequestResult.Refused(refusal.Value);
        }

        var practiceTerms = await terms.GetAsync(invoice!.PracticeId, cancellationToken);
        var now = time.GetUtcNow();
        var today = PracticeTime.Today(practice!.TimeZoneId, now);
        var outstanding = invoice.AmountOutstandingCents;
        if (installmentCount < InstallmentPlan.MinInstallments || installmentCount > practiceTerms.MaxInstallments)
        {
            return PlanRequestResult.Refused(PlanRequestRefusal.InstallmentCountNotAllowed);
        }

        if (outstanding > practiceTerms.MaxPlanAmountCents || outstanding < installmentCount)
        {
            return PlanRequestResult.Refused(PlanRequestRefusal.AmountNotAllowed);
        }

        if (!PayableInvoices.IsWithinHorizon(firstDueDate, today, practiceTerms.MaxDeferralDays))
        {
            return PlanRequestResult.Refused(PlanRequestRefusal.DateOutOfRange);
        }

        var plan = InstallmentPlan.Request(
            invoice.PracticeId, invoice.Id, invoice.PatientId, outstanding, installmentCount, firstDueDate, patientWords, now);
        db.Add(plan);
        invoice.Acknowledge(now);
        var alert = alerts.Raise(new NewStaffAlert(
            invoice.PracticeId,
            StaffAlertKind.PlanApproval,
            Summarise(alerts.TextsIn(practice.Language), invoice, plan),
            invoice.PatientId,
            invoice.Id,
            patientWords,
            RequiresDecision: true));
        plan.AwaitDecisionOn(alert.Id);
        // Until staff decide, chasing the patient who just asked for time would be rude; the cadence resumes the day
        // after the first date if nobody answers (not on it: a first installment due today would pause nothing).
        invoice.PauseReminders(PracticeTime.StartOf(firstDueDate.AddDays(1), practice.TimeZoneId), ReminderPauseReason.PlanAwaitingApproval, now);
        return new PlanRequestResult(plan, null);
    }

    private static string Summarise(StaffTexts texts, Invoice invoice, InstallmentPlan plan)
        => texts.SayCount(
            "plan-request",
            plan.Installments.Count,
            ("invoice", invoice.ExternalReference),
            ("installments", string.Join(" + ", plan.Installments.Select(installment => texts.Say(
                "plan-installment", ("amount", texts.Format.Money(installment.AmountCents)), ("date", texts.Format.Date(installment.DueDate)))))));
}
