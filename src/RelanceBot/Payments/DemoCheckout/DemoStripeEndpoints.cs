using System.Globalization;
using RelanceBot.Invoices;

namespace RelanceBot.Payments.DemoCheckout;

/// <summary>The emulator's routes: the Stripe API paths Stripe.net calls, and the fake hosted checkout page.</summary>
public static class DemoStripeEndpoints
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IEndpointRouteBuilder MapDemoStripe(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var api = endpoints.MapGroup(prefix).ExcludeFromDescription().AllowAnonymous();
        api.MapPost("/v1/checkout/sessions", (HttpRequest request, DemoStripe stripe) => HandleAsync(request, stripe, (account, form) =>
            (200, stripe.CreateSession(account, form, CheckoutBase(request, prefix)).ToJsonString())));
        api.MapGet("/v1/checkout/sessions/{id}", (string id, HttpRequest request, DemoStripe stripe) => HandleAsync(request, stripe, (account, _) =>
            stripe.FindSession(id, account) is { } session ? (200, session.Json.ToJsonString()) : Missing(id)));
        api.MapPost("/v1/payment_intents", (HttpRequest request, DemoStripe stripe) => HandleAsync(request, stripe, stripe.CreatePaymentIntent));
        api.MapGet("/v1/payment_intents/{id}", (string id, HttpRequest request, DemoStripe stripe) => HandleAsync(request, stripe, (account, _) =>
            stripe.FindPaymentIntent(id, account) is { } intent ? (200, intent.ToJsonString()) : Missing(id)));
        api.MapGet("/checkout/{id}", (string id, DemoStripe stripe) => CheckoutPage(stripe, id, null));
        api.MapPost("/checkout/{id}", CompleteAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, DemoStripe stripe, Func<string?, IReadOnlyDictionary<string, string>, (int Status, string Json)> handle)
    {
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync()).ToDictionary(pair => pair.Key, pair => pair.Value.ToString())
            : request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        var account = request.Headers["Stripe-Account"].FirstOrDefault();
        var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
        stripe.Record(new RecordedStripeRequest(request.Method, request.Path, idempotencyKey, account, form));
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Json(401, DemoStripe.Error("invalid_request_error", null, null, "Invalid API Key provided"));
        }

        var (status, json) = HttpMethods.IsPost(request.Method)
            ? stripe.Idempotent(idempotencyKey, account, form, () => handle(account, form))
            : handle(account, form);
        return Json(status, json);
    }

    private static async Task<IResult> CompleteAsync(string id, HttpRequest request, DemoStripe stripe, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        if (stripe.FindSession(id, null, anyAccount: true) is not { } session || (string?)session.Json["status"] != "open")
        {
            return CheckoutPage(stripe, id, null);
        }

        switch (form["outcome"].ToString())
        {
            case "decline":
                return CheckoutPage(stripe, id, "Votre carte a été refusée (carte de test). Essayez une autre carte.");
            case "authenticate":
                return AuthenticationPage(id);
            default:
                var paymentMethod = form["pm"].FirstOrDefault() ?? "pm_card_visa";
                await stripe.CompleteAsync(session, paymentMethod, cancellationToken);
                var successUrl = ((string?)session.Json["success_url"] ?? "/").Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal);
                return Results.Redirect(successUrl);
        }
    }

    private static IResult CheckoutPage(DemoStripe stripe, string id, string? error)
    {
        if (stripe.FindSession(id, null, anyAccount: true) is not { } session)
        {
            return Results.NotFound();
        }

        if ((string?)session.Json["status"] != "open")
        {
            return PayPages.Page(StatusCodes.Status200OK, "Session terminée", "Cette session de paiement est terminée.");
        }

        var encoder = PayPages.Encoder;
        var amount = EuroAmount.Format((long)session.Json["amount_total"]!, French);
        var buttons = $"""
            <p><strong>Montant : {encoder.Encode(amount)}</strong></p>
            {(error is null ? "" : $"<p role=\"alert\">{encoder.Encode(error)}</p>")}
            {(session.SaveCard ? "<p>Votre carte sera enregistrée pour les échéances suivantes.</p>" : "")}
            <form method="post" action="{encoder.Encode(id)}">
            <button name="outcome" value="pay">Payer</button>
            <button name="outcome" value="decline">Carte refusée</button>
            <button name="outcome" value="authenticate">Authentification requise</button>
            </form>
            """;
        return PayPages.Page(StatusCodes.Status200OK, "Paiement de démonstration",
            "Page de paiement factice (mode démo, aucune carte réelle, aucun débit).", buttons);
    }

    private static IResult AuthenticationPage(string id)
    {
        var form = $"""
            <form method="post" action="{PayPages.Encoder.Encode(id)}">
            <input type="hidden" name="pm" value="pm_card_authenticationRequiredOnSetup">
            <button name="outcome" value="pay">Confirmer le paiement</button>
            <button name="outcome" value="decline">Annuler</button>
            </form>
            """;
        return PayPages.Page(StatusCodes.Status200OK, "Authentification 3-D Secure",
            "Votre banque demande de confirmer ce paiement (démonstration).", form);
    }

    private static Uri CheckoutBase(HttpRequest request, string prefix) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}{prefix}/");

    private static (int, string) Missing(string id) =>
        (404, DemoStripe.Error("invalid_request_error", "resource_missing", null, $"No such object: '{id}'"));

    private static IResult Json(int status, string json) => Results.Content(json, "application/json", statusCode: status);
}
