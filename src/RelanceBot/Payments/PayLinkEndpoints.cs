using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Invoices;
using RelanceBot.Payments.Stripe;
using RelanceBot.Persistence;
using RelanceBot.Plans;

namespace RelanceBot.Payments;

/// <summary>
/// <c>GET /p/{token}</c>: each open creates a fresh Checkout Session for what is due now and redirects to it (303);
/// a settled or cancelled invoice gets a polite page and creates nothing; an unknown token a bare 404 page.
/// <c>GET /p/done</c> is where Checkout sends the patient back (cosmetic: webhooks do the bookkeeping).
/// </summary>
public static class PayLinkEndpoints
{
    // Double clicks within this window land on the same session (same idempotency key, same parameters).
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapPayLinks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/p/done", DoneAsync).ExcludeFromDescription().AllowAnonymous();
        endpoints.MapGet("/p/{token}", OpenAsync).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> OpenAsync(
        string token,
        RelanceBotDbContext db,
        IPaymentGateway gateway,
        IOptions<PaymentsOptions> options,
        TimeProvider time,
        ILogger<PaymentLink> logger,
        CancellationToken cancellationToken)
    {
        if (token.Length != PaymentLink.TokenLength
            || await db.Set<PaymentLink>().SingleOrDefaultAsync(link => link.Token == token, cancellationToken) is not { } link)
        {
            return PayPages.NotFound();
        }

        var invoice = await db.Invoices.SingleAsync(invoice => invoice.Id == link.InvoiceId, cancellationToken);
        var practiceName = await db.Practices.Where(practice => practice.Id == invoice.PracticeId)
            .Select(practice => practice.Name)
            .SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (invoice.Status == InvoiceStatus.Paid || (invoice.AmountOutstandingCents == 0 && invoice.Status != InvoiceStatus.Cancelled))
        {
            return await RecordAsync(db, PaymentLinkOpen.Record(link, PaymentLinkOpenOutcome.AlreadySettled, now), PayPages.AlreadySettled(practiceName), cancellationToken);
        }

        if (invoice.Status is InvoiceStatus.Cancelled or InvoiceStatus.Disputed)
        {
            return await RecordAsync(db, PaymentLinkOpen.Record(link, PaymentLinkOpenOutcome.Unavailable, now), PayPages.Unavailable(practiceName), cancellationToken);
        }

        var plan = await db.Set<InstallmentPlan>().SingleOrDefaultAsync(
            plan => plan.InvoiceId == invoice.Id && (plan.Status == InstallmentPlanStatus.Approved || plan.Status == InstallmentPlanStatus.Active),
            cancellationToken);
        var due = PaymentDue.Of(invoice, plan);
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
            return await RecordAsync(db, PaymentLinkOpen.Record(link, PaymentLinkOpenOutcome.Unavailable, now), PayPages.Unavailable(practiceName), cancellationToken);
        }
        catch (Exception exception) when (exception is global::Stripe.StripeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Creating a Checkout Session for link {Token} failed", PaymentLink.Redact(token));
            return PayPages.TemporarilyUnavailable();
        }

        var open = PaymentLinkOpen.Record(link, PaymentLinkOpenOutcome.RedirectedToCheckout, now, due.AmountCents, checkout.SessionId);
        return await RecordAsync(db, open, Results.Redirect(checkout.Url.AbsoluteUri, permanent: false, preserveMethod: false), cancellationToken);
    }

    private static async Task<IResult> DoneAsync(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "session_id")] string? sessionId, RelanceBotDbContext db, CancellationToken cancellationToken)
    {
        var invoice = sessionId is null ? null : await db.Set<PaymentLinkOpen>()
            .Where(open => open.CheckoutSessionId == sessionId)
            .Join(db.Set<PaymentLink>(), open => open.PaymentLinkId, link => link.Id, (open, link) => link.InvoiceId)
            .Join(db.Invoices, invoiceId => invoiceId, invoice => invoice.Id, (invoiceId, invoice) => invoice)
            .FirstOrDefaultAsync(cancellationToken);
        if (invoice is null)
        {
            return PayPages.NotFound();
        }

        var practiceName = await db.Practices.Where(practice => practice.Id == invoice.PracticeId).Select(practice => practice.Name).SingleAsync(cancellationToken);
        return invoice.Status switch
        {
            InvoiceStatus.Paid => PayPages.Paid(practiceName, invoice.AmountPaidCents),
            InvoiceStatus.UnderPlan or InvoiceStatus.PartiallyPaid => PayPages.Received(practiceName),
            _ => PayPages.Pending(),
        };
    }

    private static async Task<IResult> RecordAsync(RelanceBotDbContext db, PaymentLinkOpen open, IResult result, CancellationToken cancellationToken)
    {
        db.Add(open);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
