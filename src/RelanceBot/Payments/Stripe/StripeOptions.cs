using System.ComponentModel.DataAnnotations;

namespace RelanceBot.Payments.Stripe;

/// <summary>
/// <c>Payments:Stripe</c>. With no <see cref="SecretKey"/> the bot runs the local demo checkout instead of Stripe
/// (Development only, unless <see cref="AllowDemoCheckout"/>): a fake page that marks invoices paid must never face
/// real patients by accident.
/// </summary>
public sealed class StripeOptions
{
    /// <summary>The platform's secret key (<c>sk_…</c>); keep it in a secret store.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>), whole, prefix included.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API host; tests point it at a fake on 127.0.0.1.</summary>
    [Required]
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    public StripeAccountMode AccountMode { get; set; } = StripeAccountMode.Platform;

    /// <summary>How long a Checkout Session created by a pay link stays open (Stripe allows 30 minutes to 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:31:00", "23:00:00")]
    public TimeSpan CheckoutLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lets the demo checkout run outside Development (a public demo); never set it in production.</summary>
    public bool AllowDemoCheckout { get; set; }

    /// <summary>Stripe.net's own retries of a failed call (connection errors, 409, 5xx).</summary>
    [Range(0, 5)]
    public int MaxNetworkRetries { get; set; } = 2;

    public bool IsDemo => string.IsNullOrWhiteSpace(SecretKey);
}
