using System.Text.Json.Nodes;

namespace RelanceBot.Payments.DemoCheckout;

/// <summary>A Checkout Session held by the emulator, with what Stripe keeps for the PaymentIntent it will create.</summary>
internal sealed record DemoCheckoutSession(JsonObject Json, string? Account, JsonObject PaymentIntentMetadata, bool SaveCard);
