using System.Text.Json.Nodes;

namespace RelanceBot.Payments.DemoCheckout;

/// <param name="WebhookUrl">Where completed checkouts are reported, signed like Stripe signs them.</param>
/// <param name="Templates">The starting shape of each object type (tests use Stripe's published fixtures); empty by default.</param>
public sealed record DemoStripeSettings(Uri WebhookUrl, string WebhookSecret, Func<string, JsonObject>? Templates = null);
