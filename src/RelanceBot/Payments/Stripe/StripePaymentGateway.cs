using Stripe;
using StripeCheckout = Stripe.Checkout;

namespace RelanceBot.Payments.Stripe;

/// <summary><see cref="IPaymentGateway"/> on Stripe through Stripe.net: Checkout for the patient, PaymentIntents off-session.</summary>
public sealed class StripePaymentGateway(StripeClient client, StripeAccounts accounts) : IPaymentGateway
{
    private const string Euro = "eur";

    public async Task<HostedCheckout> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var metadata = request.Reference.ToMetadata();
        var options = new StripeCheckout.SessionCreateOptions
        {
            Mode = "payment",
            Currency = Euro,
            Locale = "fr",
            SuccessUrl = request.SuccessUrl,
            ClientReferenceId = request.Reference.InvoiceId.ToString(),
            ExpiresAt = request.ExpiresAt.UtcDateTime,
            Metadata = metadata,
            LineItems =
            [
                new StripeCheckout.SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new StripeCheckout.SessionLineItemPriceDataOptions
                    {
                        Currency = Euro,
                        UnitAmount = request.AmountCents,
                        ProductData = new StripeCheckout.SessionLineItemPriceDataProductDataOptions { Name = request.ProductName },
                    },
                },
            ],
            // The same keys on the PaymentIntent, so payment_intent.* and charge.* events say what they pay.
            PaymentIntentData = new StripeCheckout.SessionPaymentIntentDataOptions
            {
                Metadata = metadata,
                SetupFutureUsage = request.SaveCard ? "off_session" : null,
            },
            CustomerCreation = request.SaveCard ? "always" : null,
        };
        var session = await client.V1.Checkout.Sessions.CreateAsync(
            options, await RequestOptionsAsync(request.Reference, request.IdempotencyKey, cancellationToken), cancellationToken);
        return new HostedCheckout(session.Id, new Uri(session.Url));
    }

    public async Task<SavedCardChargeResult> ChargeSavedCardAsync(SavedCardCharge charge, CancellationToken cancellationToken)
    {
        var options = new PaymentIntentCreateOptions
        {
            Amount = charge.AmountCents,
            Currency = Euro,
            Customer = charge.CustomerId,
            PaymentMethod = charge.PaymentMethodId,
            OffSession = true,
            Confirm = true,
            Description = charge.Description,
            Metadata = charge.Reference.ToMetadata(),
        };
        try
        {
            var intent = await client.V1.PaymentIntents.CreateAsync(
                options, await RequestOptionsAsync(charge.Reference, charge.IdempotencyKey, cancellationToken), cancellationToken);
            return intent.Status switch
            {
                "succeeded" => new SavedCardChargeResult(SavedCardChargeStatus.Succeeded, intent.Id),
                "processing" => new SavedCardChargeResult(SavedCardChargeStatus.Processing, intent.Id),
                _ => new SavedCardChargeResult(SavedCardChargeStatus.Failed, intent.Id, intent.Status),
            };
        }
        catch (StripeException exception) when (exception.StripeError?.Type == "card_error")
        {
            // Declines and authentication_required: only the patient can pay now (the caller sends them the link).
            var error = exception.StripeError;
            return new SavedCardChargeResult(SavedCardChargeStatus.Failed, error.PaymentIntent?.Id, error.DeclineCode ?? error.Code ?? "card_error");
        }
    }

    public async Task<PaymentFacts> GetPaymentAsync(string? stripeAccount, string paymentIntentId, CancellationToken cancellationToken)
    {
        var intent = await client.V1.PaymentIntents.GetAsync(
            paymentIntentId, null, new RequestOptions { StripeAccount = stripeAccount }, cancellationToken);
        return new PaymentFacts(
            intent.Id,
            intent.Status == "succeeded",
            intent.AmountReceived,
            PaymentReference.FromMetadata(intent.Metadata),
            intent.CustomerId,
            intent.PaymentMethodId);
    }

    private async Task<RequestOptions> RequestOptionsAsync(PaymentReference reference, string idempotencyKey, CancellationToken cancellationToken) => new()
    {
        IdempotencyKey = idempotencyKey,
        StripeAccount = await accounts.ForPracticeAsync(reference.PracticeId, cancellationToken),
    };
}
