namespace RelanceBot.Payments;

public sealed record SavedCardCharge(
    PaymentReference Reference,
    long AmountCents,
    string Description,
    string CustomerId,
    string PaymentMethodId,
    string IdempotencyKey);
