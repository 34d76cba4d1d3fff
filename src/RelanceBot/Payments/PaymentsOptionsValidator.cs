using Microsoft.Extensions.Options;

namespace RelanceBot.Payments;

/// <summary>Fails startup on a half-configured Stripe, or a demo checkout where real patients could reach it.</summary>
internal sealed class PaymentsOptionsValidator(IHostEnvironment environment) : IValidateOptions<PaymentsOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentsOptions options)
    {
        var stripe = options.Stripe;
        if (stripe.IsDemo)
        {
            return stripe.AllowDemoCheckout || environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "Payments:Stripe:SecretKey is required unless the environment is Development or "
                    + "Payments:Stripe:AllowDemoCheckout is true (the demo checkout marks invoices paid without any payment).");
        }

        return string.IsNullOrWhiteSpace(stripe.WebhookSecret)
            ? ValidateOptionsResult.Fail("Payments:Stripe:WebhookSecret is required with a secret key: unsigned events are refused.")
            : ValidateOptionsResult.Success;
    }
}
