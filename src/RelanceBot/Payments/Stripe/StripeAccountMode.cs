namespace RelanceBot.Payments.Stripe;

public enum StripeAccountMode
{
    /// <summary>Every practice is paid on the platform's own Stripe account.</summary>
    Platform,

    /// <summary>Each practice has its connected account (direct charges, <c>Stripe-Account</c> header).</summary>
    ConnectedAccountPerPractice,
}
