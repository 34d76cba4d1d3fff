namespace RelanceBot.Payments;

/// <param name="FailureCode">Stripe's decline code or error code (<c>insufficient_funds</c>, <c>authentication_required</c>…).</param>
public sealed record SavedCardChargeResult(SavedCardChargeStatus Status, string? PaymentIntentId, string? FailureCode = null);
