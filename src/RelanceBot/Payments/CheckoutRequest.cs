namespace RelanceBot.Payments;

/// <param name="ProductName">Neutral wording ("Facture n° F-12 — échéance 1/3"): receipts must not reveal the care.</param>
/// <param name="SaveCard">Keep the card for off-session charges (installment 1 of a plan).</param>
/// <param name="SuccessUrl">May hold Stripe's literal <c>{CHECKOUT_SESSION_ID}</c> placeholder, hence a string (Uri would escape it).</param>
/// <param name="IdempotencyKey">Same key and same parameters → the same session (a double click).</param>
public sealed record CheckoutRequest(
    PaymentReference Reference,
    long AmountCents,
    string ProductName,
    bool SaveCard,
    string SuccessUrl,
    DateTimeOffset ExpiresAt,
    string IdempotencyKey);
