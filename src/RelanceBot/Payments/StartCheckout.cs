using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Payments.Stripe;
using RelanceBot.Persistence;
using RelanceBot.Plans;

namespace RelanceBot.Payments;

/// <summary>
/// "Pay now" from an invoice's link: a fresh Checkout Session for what is due now (the remaining balance, or the
/// next installment under a plan); every attempt is recorded as a <see cref="PaymentLinkOpen"/>.
/// </summary>
public sealed class StartCheckout(
    RelanceBotDbContext db, IPaymentGateway gateway, PatientNoticeTexts texts, IOptions<PaymentsOptions> options, TimeProvider time,
    ILogger<StartCheckout> logger)
{
    // Double clicks within this window land on the same session (same idempotency key, same parameters).
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromMinutes(10);

    public async Task<CheckoutStart> HandleAsync(PaymentLink link, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == link.InvoiceId, cancellationToken);
        var now = time.GetUtcNow();
        if (invoice.Status == InvoiceStatus.Paid || (invoice.AmountOutstandingCents == 0 && invoice.Status != InvoiceStatus.Cancelled))
        {
            return await RecordAsync(PaymentLinkOpen.Record(link, PaymentLinkOpenOutcome.AlreadySettled, now), CheckoutStart.Settled, cancellationToken);
        }

        if (invoice.Status is InvoiceStatus.Cancelled or InvoiceStatus.Disputed)
        {
            return await RecordAsync(PaymentLinkOpen.Record(link, PaymentLinkOpenOutcome.Unavailable, now), CheckoutStart.Unavailable, cancellationToken);
        }

        var plan = await db.Set<InstallmentPlan>().SingleOrDefaultAsync(
            plan => plan.InvoiceId == invoice.Id && (plan.Status == InstallmentPlanStatus.Approved || plan.Status == InstallmentPlanStatus.Active),
            cancellationToken);
        var language = await db.Patients.Where(patient => patient.Id == invoice.PatientId)
            .Select(patient => patient.Language).SingleAsync(cancellationToken);
        var due = PaymentDue.Of(invoice, plan, texts, BotLanguages.FromCode(language) ?? BotLanguage.French);
        var window = now.ToUnixTimeSeconds() / (long)IdempotencyWindow.TotalSeconds;
        var windowStart = DateTimeOffset.FromUnixTimeSeconds(window * (long)IdempotencyWindow.TotalSeconds);
        HostedCheckout checkout;
        try
        {
            checkout = await gateway.CreateCheckoutAsync(
                new CheckoutRequest(
                    due.Reference,
                    due.AmountCents,
                    due.ProductName,
                    due.SaveCard,
                    $"{options.Value.PublicBaseUrl.AbsoluteUri.TrimEnd('/')}/p/done?session_id={{CHECKOUT_SESSION_ID}}",
                    // From the window's start, so a retried request sends the very same parameters.
                    windowStart + options.Value.Stripe.CheckoutLifetime,
                    $"checkout-{link.Id:N}-{due.Reference.InstallmentId:N}-{due.AmountCents}-{window}"),
                cancellationToken);
        }
        catch (PracticeNotConnectedException)
        {
            return await RecordAsync(PaymentLinkOpen.Record(link, PaymentLinkOpenOutcome.Unavailable, now), CheckoutStart.Unavailable, cancellationToken);
        }
        catch (Exception exception) when (exception is global::Stripe.StripeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Creating a Checkout Session for link {Token} failed", PaymentLink.Redact(link.Token));
            return CheckoutStart.TemporarilyUnavailable;
        }

        var open = PaymentLinkOpen.Record(link, PaymentLinkOpenOutcome.RedirectedToCheckout, now, due.AmountCents, checkout.SessionId);
        return await RecordAsync(open, new CheckoutStart(CheckoutStartOutcome.Redirect, checkout.Url), cancellationToken);
    }

    private async Task<CheckoutStart> RecordAsync(PaymentLinkOpen open, CheckoutStart result, CancellationToken cancellationToken)
    {
        db.Add(open);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}

public enum CheckoutStartOutcome
{
    Redirect,
    Settled,
    Unavailable,
    TemporarilyUnavailable,
}

/// <summary>Where to send the patient: Checkout's <see cref="Url"/>, or a page saying why not.</summary>
public sealed record CheckoutStart(CheckoutStartOutcome Outcome, Uri? Url = null)
{
    public static CheckoutStart Settled { get; } = new(CheckoutStartOutcome.Settled);

    public static CheckoutStart Unavailable { get; } = new(CheckoutStartOutcome.Unavailable);

    public static CheckoutStart TemporarilyUnavailable { get; } = new(CheckoutStartOutcome.TemporarilyUnavailable);
}
