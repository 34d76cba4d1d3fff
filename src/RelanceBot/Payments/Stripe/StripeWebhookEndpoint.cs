using Microsoft.Extensions.Options;
using Stripe;

namespace RelanceBot.Payments.Stripe;

/// <summary>
/// <c>POST /api/payments/stripe/webhook</c>: verifies <c>Stripe-Signature</c> over the raw body (5-minute tolerance,
/// both ways) before anything else; a bad, missing or stale signature is a 400 and changes nothing.
/// </summary>
public static class StripeWebhookEndpoint
{
    public const string Path = "/api/payments/stripe/webhook";
    private const long ToleranceSeconds = 300;

    public static IEndpointRouteBuilder MapStripeWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        StripeEventProcessor processor,
        IOptions<PaymentsOptions> options,
        TimeProvider time,
        ILogger<StripeEventProcessor> logger,
        CancellationToken cancellationToken)
    {
        // Stripe.net throws NullReferenceException on a missing header: answer before it is asked.
        if (request.Headers["Stripe-Signature"].ToString() is not { Length: > 0 } signature)
        {
            return Rejected("The Stripe-Signature header is missing.");
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                json, signature, WebhookSecret(options.Value.Stripe), ToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (Exception exception) when (exception is StripeException or Newtonsoft.Json.JsonException or System.Text.Json.JsonException or ArgumentException)
        {
            logger.LogWarning("Stripe webhook refused: {Reason}", exception.Message);
            return Rejected("The event's signature, timestamp or API version is not valid.");
        }

        await processor.ProcessAsync(stripeEvent, cancellationToken);
        return Results.Ok();
    }

    private static string WebhookSecret(StripeOptions options) =>
        options.IsDemo ? DemoCheckout.DemoStripe.WebhookSecret : options.WebhookSecret!;

    private static IResult Rejected(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Stripe event", detail: detail);
}
