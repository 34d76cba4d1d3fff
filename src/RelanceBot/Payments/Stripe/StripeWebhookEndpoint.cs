using Microsoft.Extensions.Options;
using Stripe;

namespace RelanceBot.Payments.Stripe;

/// <summary>
/// <c>POST /api/payments/stripe/webhook</c>: verifies <c>Stripe-Signature</c> over the raw body (5-minute tolerance,
/// both ways) before anything else; a bad, missing or stale signature is a 400 and changes nothing, and so is a signed
/// body that is not a readable event.
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
        // Stripe.net throws NullReferenceException on a missing header and OverflowException on an absurd timestamp:
        // answer before it is asked.
        if (request.Headers["Stripe-Signature"].ToString() is not { Length: > 0 } signature)
        {
            return Rejected("The Stripe-Signature header is missing.");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (StripeSignatureHeader.Problem(signature, now, ToleranceSeconds) is { } headerProblem)
        {
            logger.LogWarning("Stripe webhook refused: Stripe-Signature header: {Reason}", headerProblem);
            return Rejected("The Stripe-Signature header is malformed or stale.");
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            EventUtility.ValidateSignature(json, signature, WebhookSecret(options.Value.Stripe), ToleranceSeconds, now);
        }
        catch (StripeException exception)
        {
            logger.LogWarning("Stripe webhook refused: {Reason}", exception.Message);
            return Rejected("The event's signature or timestamp is not valid.");
        }

        var signed = SignedStripeEvent.Read(json);
        if (signed.Event is not { } stripeEvent)
        {
            // Signed with our secret, so Stripe (or whoever holds the secret) sent it: worth a look, never a retry.
            logger.LogWarning("Signed Stripe event {EventId} refused: {Reason}", signed.EventId ?? "(no id)", signed.Problem);
            return Rejected("The body is not a Stripe event this endpoint can read.");
        }

        await processor.ProcessAsync(stripeEvent, cancellationToken);
        return Results.Ok();
    }

    private static string WebhookSecret(StripeOptions options) =>
        options.IsDemo ? DemoCheckout.DemoStripe.WebhookSecret : options.WebhookSecret!;

    private static IResult Rejected(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Stripe event", detail: detail);
}
