using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using RelanceBot.Plans;

namespace RelanceBot.Payments;

/// <summary>
/// Applies what Stripe reports to invoices and plans, in the caller's unit of work. Every operation is keyed by the
/// PaymentIntent and tolerates repeats and any order: the same payment twice is one payment. The caller ends its unit
/// with <see cref="SettlePaidInvoicesAsync"/>, so receipts follow the balance the unit leaves, not a step on the way.
/// </summary>
public sealed class PaymentLedger(
    RelanceBotDbContext db, StaffAlerts alerts, IPatientNotifier notifier, IPaymentLinks links, TimeProvider time)
{
    /// <summary>Returns false when the payment was already recorded (the card is still saved if it was missing).</summary>
    public async Task<bool> RecordPaymentAsync(ReceivedPayment received, CancellationToken cancellationToken)
    {
        var reference = received.Reference;
        var plan = reference.PlanId is { } planId ? await FindPlanAsync(planId, cancellationToken) : null;
        if (plan is not null && received is { CustomerId: { } customerId, PaymentMethodId: { } paymentMethodId })
        {
            plan.SaveCard(customerId, paymentMethodId);
        }

        if (await FindPaymentAsync(received.PaymentIntentId, cancellationToken) is not null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == reference.InvoiceId, cancellationToken);
        db.Add(Payment.Receive(
            invoice.PracticeId, invoice.Id, reference.InstallmentId, received.PaymentIntentId, received.AmountCents, now));
        if (invoice.Status == InvoiceStatus.Cancelled)
        {
            var texts = await alerts.TextsForAsync(invoice.PracticeId, cancellationToken);
            alerts.Raise(new NewStaffAlert(
                invoice.PracticeId,
                StaffAlertKind.Escalation,
                texts.Say("refund-cancelled-invoice", ("amount", texts.Format.Money(received.AmountCents)), ("invoice", invoice.ExternalReference)),
                invoice.PatientId,
                invoice.Id));
            return true;
        }

        var excess = invoice.RecordPayment(received.AmountCents, now);
        if (plan is not null && reference.InstallmentId is { } installmentId)
        {
            plan.MarkPaid(installmentId, now);
        }

        if (excess > 0)
        {
            // Settled another way first (at the desk, a second link): the patient paid twice.
            var texts = await alerts.TextsForAsync(invoice.PracticeId, cancellationToken);
            alerts.Raise(new NewStaffAlert(
                invoice.PracticeId,
                StaffAlertKind.Escalation,
                texts.Say(
                    "refund-excess", ("amount", texts.Format.Money(received.AmountCents)), ("invoice", invoice.ExternalReference), ("excess", texts.Format.Money(excess))),
                invoice.PatientId,
                invoice.Id));
        }

        return true;
    }

    /// <summary>
    /// Settles every invoice this unit of work received money for and that now owes nothing: the live plans end, the
    /// patient is thanked, staff are told. Called once the whole event is applied, so what the patient reads is the
    /// final balance: a refund delivered before its payment records both in one unit, and settles nothing when money
    /// is still owed.
    /// </summary>
    public async Task SettlePaidInvoicesAsync(CancellationToken cancellationToken)
    {
        // One event or charge brings one payment per invoice; its id names the receipt.
        var received = db.ChangeTracker.Entries<Payment>()
            .Where(entry => entry.State == EntityState.Added)
            .Select(entry => entry.Entity)
            .DistinctBy(payment => payment.InvoiceId)
            .ToList();
        foreach (var settling in received)
        {
            // An invoice settled before this unit (at the desk, a second link) was thanked then: the excess is staff's.
            var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == settling.InvoiceId, cancellationToken);
            if (invoice.Status == InvoiceStatus.Paid && db.Entry(invoice).Property(paid => paid.Status).OriginalValue != InvoiceStatus.Paid)
            {
                await SettleAsync(invoice, settling, time.GetUtcNow(), cancellationToken);
            }
        }
    }

    /// <summary>Takes Stripe's running refund total for a payment; only the new part reduces what was paid.</summary>
    public async Task RecordRefundAsync(string paymentIntentId, long totalRefundedCents, CancellationToken cancellationToken)
    {
        if (await FindPaymentAsync(paymentIntentId, cancellationToken) is not { } payment)
        {
            return;
        }

        var refunded = payment.RefundUpTo(totalRefundedCents);
        if (refunded == 0)
        {
            return;
        }

        var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == payment.InvoiceId, cancellationToken);
        invoice.RecordRefund(refunded, time.GetUtcNow());
    }

    /// <summary>The patient's bank disputes a payment: reminders and off-session charges stop, staff are told.</summary>
    public async Task RecordDisputeAsync(string paymentIntentId, string? reason, CancellationToken cancellationToken)
    {
        if (await FindPaymentAsync(paymentIntentId, cancellationToken) is not { } payment || !payment.MarkDisputed(time.GetUtcNow()))
        {
            return;
        }

        var now = time.GetUtcNow();
        var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == payment.InvoiceId, cancellationToken);
        if (invoice.Status != InvoiceStatus.Cancelled)
        {
            invoice.Dispute(now);
        }

        var texts = await alerts.TextsForAsync(invoice.PracticeId, cancellationToken);
        foreach (var plan in await LivePlansAsync(invoice.Id, cancellationToken))
        {
            plan.Fail("Card payment disputed", now);
        }

        alerts.Raise(new NewStaffAlert(
            invoice.PracticeId,
            StaffAlertKind.Dispute,
            reason is null
                ? texts.Say("chargeback", ("amount", texts.Format.Money(payment.AmountCents)), ("invoice", invoice.ExternalReference))
                : texts.Say("chargeback-reason", ("amount", texts.Format.Money(payment.AmountCents)), ("invoice", invoice.ExternalReference), ("reason", reason)),
            invoice.PatientId,
            invoice.Id));
    }

    /// <summary>A delayed payment method failed after Checkout: the patient gets the link again.</summary>
    public async Task RecordFailedCheckoutAsync(PaymentReference reference, string checkoutSessionId, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == reference.InvoiceId, cancellationToken);
        if (invoice.Status is InvoiceStatus.Paid or InvoiceStatus.Cancelled)
        {
            return;
        }

        await notifier.NotifyAsync(
            new PatientNotice(
                $"checkout-failed-link:{checkoutSessionId}", invoice.PracticeId, invoice.PatientId, invoice.Id,
                PatientNoticeKind.PaymentFailed, await links.GetLinkAsync(invoice.Id, cancellationToken), invoice.AmountOutstandingCents),
            cancellationToken);
    }

    private async Task SettleAsync(Invoice invoice, Payment settling, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Paid another way while a plan ran (the whole balance through the link): the plan has nothing left to charge.
        // A plan completed by this very payment is no longer live, so Fail leaves it as it is.
        foreach (var live in await LivePlansAsync(invoice.Id, cancellationToken))
        {
            live.Fail("Invoice settled", now);
        }

        invoice.ResumeReminders(now);
        await notifier.NotifyAsync(
            new PatientNotice($"payment-receipt:{settling.Id}", invoice.PracticeId, invoice.PatientId, invoice.Id, PatientNoticeKind.InvoicePaid),
            cancellationToken);
        var texts = await alerts.TextsForAsync(invoice.PracticeId, cancellationToken);
        alerts.Raise(new NewStaffAlert(
            invoice.PracticeId,
            StaffAlertKind.InvoicePaid,
            texts.Say("paid-online", ("invoice", invoice.ExternalReference), ("amount", texts.Format.Money(invoice.AmountPaidCents))),
            invoice.PatientId,
            invoice.Id));
    }

    private async Task<Payment?> FindPaymentAsync(string paymentIntentId, CancellationToken cancellationToken) =>
        db.Set<Payment>().Local.SingleOrDefault(payment => payment.StripePaymentIntentId == paymentIntentId)
        ?? await db.Set<Payment>().SingleOrDefaultAsync(payment => payment.StripePaymentIntentId == paymentIntentId, cancellationToken);

    private Task<InstallmentPlan?> FindPlanAsync(Guid planId, CancellationToken cancellationToken) =>
        db.Set<InstallmentPlan>().SingleOrDefaultAsync(plan => plan.Id == planId, cancellationToken);

    private Task<List<InstallmentPlan>> LivePlansAsync(Guid invoiceId, CancellationToken cancellationToken) =>
        db.Set<InstallmentPlan>()
            .Where(plan => plan.InvoiceId == invoiceId
                && (plan.Status == InstallmentPlanStatus.Requested
                    || plan.Status == InstallmentPlanStatus.Approved
                    || plan.Status == InstallmentPlanStatus.Active))
            .ToListAsync(cancellationToken);
}
