using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Plans;

/// <summary>
/// The patient asks (in the chat or the patient space) to pay in 2 or 3 monthly installments. Records the request with
/// their words and the time: one plan per invoice, so each is charged and reconciled on its own invoice as before, all
/// awaiting one decision (one <see cref="StaffAlertKind.PlanApproval"/> alert listing every invoice, the total and the
/// schedule, whose id the plans share), and pauses the invoices' reminders meanwhile.
/// </summary>
public sealed class RequestInstallmentPlan(
    RelanceBotDbContext db, StaffAlerts alerts, PracticePlanTerms terms, TimeProvider time, ILogger<RequestInstallmentPlan> logger)
{
    /// <summary>Records the request and saves it.</summary>
    public async Task<PlanRequestResult> HandleAsync(
        IReadOnlyList<Guid> invoiceIds, int installmentCount, string patientWords, DateOnly firstDueDate, CancellationToken cancellationToken)
    {
        var result = await StageAsync(invoiceIds, installmentCount, patientWords, firstDueDate, cancellationToken);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Adds the plans, their alert and the pauses to the caller's unit of work without saving: a conversation turn saves
    /// them together with its dialog state, so a failed turn leaves no half-recorded agreement. An invoice that cannot
    /// be spread (settled meanwhile, already under a plan, over the practice's limit) is left out; with none left, the
    /// first refusal is returned and nothing is staged.
    /// </summary>
    public async Task<PlanRequestResult> StageAsync(
        IReadOnlyList<Guid> invoiceIds, int installmentCount, string patientWords, DateOnly firstDueDate, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientWords);
        var now = time.GetUtcNow();
        var requested = new List<(Invoice Invoice, InstallmentPlan Plan, Practice Practice)>();
        PlanRequestRefusal? firstRefusal = null;
        foreach (var invoiceId in invoiceIds.Distinct())
        {
            var (invoice, practice, refusal) = await PayableInvoices.FindAsync(db, invoiceId, cancellationToken);
            if (refusal is null)
            {
                var practiceTerms = await terms.GetAsync(invoice!.PracticeId, cancellationToken);
                refusal = Check(invoice.AmountOutstandingCents, installmentCount, firstDueDate, PracticeTime.Today(practice!.TimeZoneId, now), practiceTerms);
                if (refusal is null)
                {
                    requested.Add((invoice, InstallmentPlan.Request(
                        invoice.PracticeId, invoice.Id, invoice.PatientId, invoice.AmountOutstandingCents, installmentCount, firstDueDate, patientWords, now),
                        practice));
                    continue;
                }
            }

            logger.LogInformation("Plan request for invoice {InvoiceId} refused: {Refusal}", invoiceId, refusal);
            firstRefusal ??= refusal;
        }

        if (requested.Count == 0)
        {
            return PlanRequestResult.Refused(firstRefusal ?? PlanRequestRefusal.InvoiceNotFound);
        }

        var (first, _, firstPractice) = requested[0];
        var alert = alerts.Raise(new NewStaffAlert(
            first.PracticeId,
            StaffAlertKind.PlanApproval,
            Summarise(alerts.TextsIn(firstPractice.Language), requested.ConvertAll(request => (request.Invoice, request.Plan))),
            first.PatientId,
            PatientWords: patientWords,
            RequiresDecision: true,
            InvoiceIds: requested.ConvertAll(request => request.Invoice.Id)));
        foreach (var (invoice, plan, practice) in requested)
        {
            db.Add(plan);
            plan.AwaitDecisionOn(alert.Id);
            invoice.Acknowledge(now);
            // Until staff decide, chasing the patient who just asked for time would be rude; the cadence resumes the day
            // after the first date if nobody answers (not on it: a first installment due today would pause nothing).
            invoice.PauseReminders(PracticeTime.StartOf(firstDueDate.AddDays(1), practice.TimeZoneId), ReminderPauseReason.PlanAwaitingApproval, now);
        }

        return new PlanRequestResult(requested.ConvertAll(request => request.Plan), null);
    }

    private static PlanRequestRefusal? Check(long outstanding, int installmentCount, DateOnly firstDueDate, DateOnly today, PlanTerms practiceTerms)
    {
        if (installmentCount < InstallmentPlan.MinInstallments || installmentCount > practiceTerms.MaxInstallments)
        {
            return PlanRequestRefusal.InstallmentCountNotAllowed;
        }

        if (outstanding > practiceTerms.MaxPlanAmountCents || outstanding < installmentCount)
        {
            return PlanRequestRefusal.AmountNotAllowed;
        }

        return PayableInvoices.IsWithinHorizon(firstDueDate, today, practiceTerms.MaxDeferralDays) ? null : PlanRequestRefusal.DateOutOfRange;
    }

    /// <summary>Every invoice with its amount, the total and the schedule the plans add up to, in the staff's language.</summary>
    private static string Summarise(StaffTexts texts, List<(Invoice Invoice, InstallmentPlan Plan)> requested)
    {
        var count = requested[0].Plan.Installments.Count;
        var schedule = string.Join(" + ", Enumerable.Range(0, count).Select(index => texts.Say(
            "plan-installment",
            ("amount", texts.Format.Money(requested.Sum(request => request.Plan.Installments[index].AmountCents))),
            ("date", texts.Format.Date(requested[0].Plan.Installments[index].DueDate)))));
        if (requested.Count == 1)
        {
            return texts.SayCount("plan-request", count, ("invoice", requested[0].Invoice.ExternalReference), ("installments", schedule));
        }

        return texts.SayCount(
            "plan-request-multi",
            count,
            ("invoices", string.Join(", ", requested.Select(request => texts.Say(
                "plan-invoice", ("invoice", request.Invoice.ExternalReference), ("amount", texts.Format.Money(request.Plan.TotalCents)))))),
            ("total", texts.Format.Money(requested.Sum(request => request.Plan.TotalCents))),
            ("installments", schedule));
    }
}
