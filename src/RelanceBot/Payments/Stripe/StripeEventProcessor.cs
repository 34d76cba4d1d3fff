using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using Stripe;
using StripeCheckout = Stripe.Checkout;
using StripeEvent = Stripe.Event;

namespace RelanceBot.Payments.Stripe;

/// <summary>
/// Applies a verified webhook event once (by event id) in one transaction with its effects. Effects are keyed by the
/// PaymentIntent, so an event arriving before the one it follows is handled by reading the payment back from Stripe.
/// </summary>
public sealed class StripeEventProcessor(
    RelanceBotDbContext db,
    PaymentLedger ledger,
    InstallmentCharges installments,
    IPaymentGateway gateway,
    StripeAccounts accounts,
    TimeProvider time,
    ILogger<StripeEventProcessor> logger)
{
    public async Task ProcessAsync(StripeEvent stripeEvent, CancellationToken cancellationToken)
    {
        if (await db.Set<ProcessedStripeEvent>().AnyAsync(processed => processed.EventId == stripeEvent.Id, cancellationToken))
        {
            return;
        }

        await ApplyAsync(stripeEvent, cancellationToken);
        await ledger.SettlePaidInvoicesAsync(cancellationToken);
        db.Add(ProcessedStripeEvent.Of(stripeEvent.Id, stripeEvent.Type, stripeEvent.Account, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event delivered twice at once is fine (the other delivery applied it); anything else is a
            // failure Stripe must retry.
            if (!await IsProcessedElsewhereAsync(stripeEvent.Id, cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task ApplyAsync(StripeEvent stripeEvent, CancellationToken cancellationToken)
    {
        switch (stripeEvent.Data.Object)
        {
            case StripeCheckout.Session session when stripeEvent.Type is EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded:
                if (session.PaymentStatus == "paid" && session.PaymentIntentId is not null)
                {
                    await RecordSucceededAsync(stripeEvent.Account, session.PaymentIntentId, cancellationToken);
                }

                break;
            case StripeCheckout.Session session when stripeEvent.Type == EventTypes.CheckoutSessionAsyncPaymentFailed:
                if (await OwnedReferenceAsync(stripeEvent.Account, session.Metadata, cancellationToken) is { } failed)
                {
                    await ledger.RecordFailedCheckoutAsync(failed, session.Id, cancellationToken);
                }

                break;
            case PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentSucceeded:
                await RecordSucceededAsync(stripeEvent.Account, intent.Id, cancellationToken);
                break;
            case PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentPaymentFailed:
                await RecordInstallmentFailureAsync(stripeEvent.Account, intent, cancellationToken);
                break;
            case Charge charge when stripeEvent.Type == EventTypes.ChargeRefunded && charge.PaymentIntentId is not null:
                await EnsureRecordedAsync(stripeEvent.Account, charge.PaymentIntentId, cancellationToken);
                await ledger.RecordRefundAsync(charge.PaymentIntentId, charge.AmountRefunded, cancellationToken);
                break;
            case Dispute dispute when stripeEvent.Type == EventTypes.ChargeDisputeCreated && dispute.PaymentIntentId is not null:
                await EnsureRecordedAsync(stripeEvent.Account, dispute.PaymentIntentId, cancellationToken);
                await ledger.RecordDisputeAsync(dispute.PaymentIntentId, dispute.Reason, cancellationToken);
                break;
            default:
                logger.LogDebug("Stripe event {EventId} of type {Type} needs nothing", stripeEvent.Id, stripeEvent.Type);
                break;
        }
    }

    /// <summary>
    /// Reads the PaymentIntent back rather than trusting the event's copy: it has the amount received, the saved card
    /// and the metadata whichever event came first.
    /// </summary>
    private async Task RecordSucceededAsync(string? account, string paymentIntentId, CancellationToken cancellationToken)
    {
        var facts = await gateway.GetPaymentAsync(account, paymentIntentId, cancellationToken);
        if (!facts.Succeeded || facts.AmountReceivedCents <= 0
            || await OwnedReferenceAsync(account, facts.Reference, cancellationToken) is not { } reference)
        {
            return;
        }

        await ledger.RecordPaymentAsync(
            new ReceivedPayment(reference, facts.PaymentIntentId, facts.AmountReceivedCents, facts.CustomerId, facts.PaymentMethodId),
            cancellationToken);
    }

    /// <summary>A refund or dispute about a payment whose own event has not arrived yet.</summary>
    private async Task EnsureRecordedAsync(string? account, string paymentIntentId, CancellationToken cancellationToken)
    {
        if (!await db.Set<Payment>().AnyAsync(payment => payment.StripePaymentIntentId == paymentIntentId, cancellationToken))
        {
            await RecordSucceededAsync(account, paymentIntentId, cancellationToken);
        }
    }

    /// <summary>An off-session charge whose failure the scheduler could not record (it crashed after calling Stripe).</summary>
    private async Task RecordInstallmentFailureAsync(string? account, PaymentIntent intent, CancellationToken cancellationToken)
    {
        if (await OwnedReferenceAsync(account, intent.Metadata, cancellationToken) is not { PlanId: { } planId, InstallmentId: { } installmentId }
            || await db.Set<InstallmentPlan>().SingleOrDefaultAsync(plan => plan.Id == planId, cancellationToken) is not { } plan
            || plan.Installments.SingleOrDefault(installment => installment.Id == installmentId) is not { PendingAttempt: { } attempt } installment)
        {
            return;
        }

        var code = intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code ?? "payment_failed";
        await installments.RecordFailureAsync(plan, installment, attempt, code, cancellationToken);
    }

    private Task<PaymentReference?> OwnedReferenceAsync(string? account, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        OwnedReferenceAsync(account, PaymentReference.FromMetadata(metadata), cancellationToken);

    /// <summary>The bot's reference, if the event's account is the one the practice is paid on (no cross-practice events).</summary>
    private async Task<PaymentReference?> OwnedReferenceAsync(string? account, PaymentReference? reference, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return null;
        }

        var invoiceExists = await db.Invoices.AnyAsync(
            invoice => invoice.Id == reference.InvoiceId && invoice.PracticeId == reference.PracticeId, cancellationToken);
        if (invoiceExists && await accounts.OwnsAsync(reference.PracticeId, account, cancellationToken))
        {
            return reference;
        }

        logger.LogWarning("Stripe event for invoice {InvoiceId} ignored: unknown invoice or wrong account", reference.InvoiceId);
        return null;
    }

    private async Task<bool> IsProcessedElsewhereAsync(string eventId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Set<ProcessedStripeEvent>().AnyAsync(processed => processed.EventId == eventId, cancellationToken);
    }
}
