namespace RelanceBot.Payments;

/// <param name="CustomerId">With <paramref name="PaymentMethodId"/>: the card saved for a plan's next installments.</param>
public sealed record ReceivedPayment(
    PaymentReference Reference,
    string PaymentIntentId,
    long AmountCents,
    string? CustomerId = null,
    string? PaymentMethodId = null);
