using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Payments;
using RelanceBot.Persistence;

namespace RelanceBot.Plans;

/// <summary>
/// Charges the saved card for installments whose day has come. Each attempt is written down before Stripe is called
/// and carries an idempotency key of its own, so running twice, or restarting between the charge and its record,
/// charges once. A failure sends the patient the link for that installment; after
/// <see cref="PlansOptions.MaxChargeAttempts"/> failures staff are alerted and the invoice goes back to the cadence.
/// A plan whose invoice was settled, cancelled or disputed another way is cancelled, never charged.
/// </summary>
public sealed class InstallmentCharges(
    RelanceBotDbContext db,
    IPaymentGateway gateway,
    PaymentLedger ledger,
    StaffAlerts alerts,
    IPatientNotifier notifier,
    IPaymentLinks links,
    PatientNoticeTexts texts,
    IOptions<PlansOptions> options,
    TimeProvider time,
    ILogger<InstallmentCharges> logger)
{
    public async Task ChargeDueAsync(CancellationToken cancellationToken)
    {
        var planIds = await db.Set<InstallmentPlan>()
            .Where(plan => plan.Status == InstallmentPlanStatus.Active)
            .Select(plan => plan.Id)
            .ToListAsync(cancellationToken);
        foreach (var planId in planIds)
        {
            db.ChangeTracker.Clear();
            try
            {
                await ChargeAsync(planId, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The attempt stays pending: the next run replays it with the same idempotency key.
                logger.LogWarning(exception, "Charging the next installment of plan {PlanId} failed; will retry", planId);
            }
        }
    }

    /// <summary>Records a failed attempt once, whether the charge call or the webhook reports it first.</summary>
    public async Task RecordFailureAsync(InstallmentPlan plan, Installment installment, int attempt, string failureCode, CancellationToken cancellationToken)
    {
        if (installment.PendingAttempt != attempt || installment.IsPaid)
        {
            return;
        }

        var now = time.GetUtcNow();
        installment.RecordFailure(failureCode, now + options.Value.RetryInterval);
        var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == plan.InvoiceId, cancellationToken);
        if (installment.FailedAttempts < options.Value.MaxChargeAttempts)
        {
            await notifier.NotifyAsync(
                new PatientNotice(
                    $"installment-link:{installment.Id}:{attempt}", plan.PracticeId, plan.PatientId, plan.InvoiceId,
                    PatientNoticeKind.InstallmentChargeFailed, await links.GetLinkAsync(plan.InvoiceId, cancellationToken), installment.AmountCents),
                cancellationToken);
            return;
        }

        plan.Fail("Repeated failed charges", now);
        invoice.Reopen(now);
        invoice.ResumeReminders(now);
        var texts = await alerts.TextsForAsync(plan.PracticeId, cancellationToken);
        alerts.Raise(new NewStaffAlert(
            plan.PracticeId,
            StaffAlertKind.InstallmentFailures,
            texts.SayCount(
                "installment-failed",
                installment.FailedAttempts,
                ("number", installment.Number.ToString(CultureInfo.InvariantCulture)),
                ("total", plan.Installments.Count.ToString(CultureInfo.InvariantCulture)),
                ("amount", texts.Format.Money(installment.AmountCents)),
                ("invoice", invoice.ExternalReference),
                ("code", failureCode)),
            plan.PatientId,
            plan.InvoiceId));
    }

    private async Task ChargeAsync(Guid planId, CancellationToken cancellationToken)
    {
        var plan = await db.Set<InstallmentPlan>().SingleAsync(plan => plan.Id == planId, cancellationToken);
        var timeZoneId = await db.Practices.Where(practice => practice.Id == plan.PracticeId)
            .Select(practice => practice.TimeZoneId)
            .SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (plan.NextDue is not { } installment
            || !installment.IsChargeableAt(PracticeTime.Today(timeZoneId, now), now)
            || plan.StripeCustomerId is null
            || plan.StripePaymentMethodId is null)
        {
            return;
        }

        var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == plan.InvoiceId, cancellationToken);
        if (plan.CancelIfOvertakenBy(invoice, now) is { } closure)
        {
            logger.LogInformation("Plan {PlanId} cancelled before charging: its invoice is {Closure}", plan.Id, closure);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        // The attempt is recorded only if the invoice is still as checked: paid at the desk, cancelled or disputed in
        // the meantime, the save fails, nothing is charged, and the next run cancels the plan.
        var attempt = installment.BeginAttempt();
        db.RequireUnchanged(invoice);
        await db.SaveChangesAsync(cancellationToken);

        var reference = new PaymentReference(plan.PracticeId, plan.InvoiceId, plan.Id, installment.Id);
        var language = await db.Patients.Where(patient => patient.Id == plan.PatientId)
            .Select(patient => patient.Language).SingleAsync(cancellationToken);
        var result = await gateway.ChargeSavedCardAsync(
            new SavedCardCharge(
                reference,
                installment.AmountCents,
                texts.ProductName(
                    BotLanguages.FromCode(language) ?? BotLanguage.French, invoice.ExternalReference, (installment.Number, plan.Installments.Count)),
                plan.StripeCustomerId,
                plan.StripePaymentMethodId,
                $"installment-{installment.Id:N}-attempt-{attempt}"),
            cancellationToken);
        switch (result.Status)
        {
            case SavedCardChargeStatus.Succeeded:
                await ledger.RecordPaymentAsync(new ReceivedPayment(reference, result.PaymentIntentId!, installment.AmountCents), cancellationToken);
                await ledger.SettlePaidInvoicesAsync(cancellationToken);
                break;
            case SavedCardChargeStatus.Processing:
                installment.WaitUntil(now + TimeSpan.FromHours(1));
                break;
            default:
                await RecordFailureAsync(plan, installment, attempt, result.FailureCode ?? "failed", cancellationToken);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
