namespace RelanceBot.Payments;

/// <summary>A PaymentIntent as the bot reads it back from Stripe.</summary>
public sealed record PaymentFacts(
    string PaymentIntentId,
    bool Succeeded,
    long AmountReceivedCents,
    PaymentReference? Reference,
    string? CustomerId,
    string? PaymentMethodId);
