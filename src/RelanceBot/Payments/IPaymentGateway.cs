namespace RelanceBot.Payments;

/// <summary>The payment provider (Stripe) as the rest of the bot needs it; card data never passes through the bot.</summary>
public interface IPaymentGateway
{
    /// <summary>A hosted payment page for one amount; the patient is redirected to its URL.</summary>
    Task<HostedCheckout> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>Charges a saved card without the patient (a later installment).</summary>
    Task<SavedCardChargeResult> ChargeSavedCardAsync(SavedCardCharge charge, CancellationToken cancellationToken);

    /// <summary>Re-reads a payment when an event arrives before the one that introduced it.</summary>
    Task<PaymentFacts> GetPaymentAsync(string? stripeAccount, string paymentIntentId, CancellationToken cancellationToken);
}
