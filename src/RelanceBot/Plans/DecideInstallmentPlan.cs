using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Payments;
using RelanceBot.Persistence;

namespace RelanceBot.Plans;

/// <summary>
/// Staff approve or reject a patient's plan request: every plan of it at once (one per invoice, sharing the request's
/// <see cref="InstallmentPlan.ApprovalAlertId"/>). Approval places the invoices under their plans; rejection resumes
/// their cadence; either way the patient hears once, with each invoice's link. A plan whose invoice was settled,
/// cancelled or disputed since the request is cancelled instead; when that is every plan, the patient is told nothing.
/// Alert decisions come through <see cref="DecideApproval"/>, which resolves the alert.
/// </summary>
public sealed class DecideInstallmentPlan(
    RelanceBotDbContext db, IPaymentLinks links, IPatientNotifier notifier, TimeProvider time)
{
    /// <summary>The plans of the request <paramref name="alert"/> asks staff to decide.</summary>
    public async Task<IReadOnlyList<InstallmentPlan>> OfRequestAsync(StaffAlert alert, CancellationToken cancellationToken)
        => await db.Set<InstallmentPlan>()
            .Where(plan => plan.ApprovalAlertId == alert.Id && plan.PracticeId == alert.PracticeId)
            .OrderBy(plan => plan.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Decides a plan no alert speaks for (its alert was deleted), and saves.</summary>
    public async Task<PlanDecisionResult> HandleAsync(InstallmentPlan plan, PlanDecision decision, string decidedBy, CancellationToken cancellationToken)
    {
        var result = await StageAsync([plan], decision, decidedBy, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Decides the still-requested <paramref name="plans"/> of one request in the caller's unit of work, without
    /// saving: the invoices are read here, so their versions make the save fail if one changed after this check
    /// (PlaceUnderPlan and ResumeReminders write them).
    /// </summary>
    public async Task<PlanDecisionResult> StageAsync(
        IReadOnlyList<InstallmentPlan> plans, PlanDecision decision, string decidedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invoiceIds = plans.Select(plan => plan.InvoiceId).ToList();
        var invoices = await db.Invoices.Where(invoice => invoiceIds.Contains(invoice.Id)).ToDictionaryAsync(invoice => invoice.Id, cancellationToken);
        InvoiceClosure? overtaken = null;
        var decided = new List<(InstallmentPlan Plan, Invoice Invoice)>();
        foreach (var plan in plans)
        {
            var invoice = invoices[plan.InvoiceId];
            if (plan.CancelIfOvertakenBy(invoice, now) is { } closure)
            {
                overtaken ??= closure;
            }
            else if (decision == PlanDecision.Approve ? plan.Approve(decidedBy, now) : plan.Reject(decidedBy, now))
            {
                decided.Add((plan, invoice));
            }
        }

        if (decided.Count == 0)
        {
            return overtaken is { } closure
                ? new PlanDecisionResult(PlanDecisionOutcome.InvoiceClosed, closure)
                : new PlanDecisionResult(PlanDecisionOutcome.AlreadyDecided);
        }

        foreach (var (_, invoice) in decided)
        {
            if (decision == PlanDecision.Approve)
            {
                invoice.PlaceUnderPlan(now);
            }

            invoice.ResumeReminders(now);
        }

        await NotifyOnceAsync(decided, decision, cancellationToken);
        return new PlanDecisionResult(PlanDecisionOutcome.Decided);
    }

    /// <summary>One message for the whole request: what is due first and where, invoice by invoice.</summary>
    private async Task NotifyOnceAsync(List<(InstallmentPlan Plan, Invoice Invoice)> decided, PlanDecision decision, CancellationToken cancellationToken)
    {
        var payLinks = await links.GetLinksAsync([.. decided.Select(pair => pair.Invoice.Id)], cancellationToken);
        var approved = decision == PlanDecision.Approve;
        List<NoticeInvoice> invoices = [.. decided.Select(pair => new NoticeInvoice(
            pair.Invoice.ExternalReference,
            approved ? pair.Plan.NextDue!.AmountCents : pair.Invoice.AmountOutstandingCents,
            payLinks[pair.Invoice.Id]))];
        var (first, firstInvoice) = decided[0];
        await notifier.NotifyAsync(
            new PatientNotice(
                $"{(approved ? "plan-approved" : "plan-rejected")}:{first.Id}",
                first.PracticeId,
                first.PatientId,
                firstInvoice.Id,
                approved ? PatientNoticeKind.PlanApproved : PatientNoticeKind.PlanRejected,
                invoices[0].PayLink,
                approved ? invoices.Sum(invoice => invoice.AmountCents) : null)
            {
                Invoices = invoices,
            },
            cancellationToken);
    }
}
