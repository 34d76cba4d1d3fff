namespace RelanceBot.Payments.DemoCheckout;

/// <summary>A call the emulator received, for tests to check what Stripe would have been sent.</summary>
public sealed record RecordedStripeRequest(
    string Method, string Path, string? IdempotencyKey, string? StripeAccount, IReadOnlyDictionary<string, string> Form);
