using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Stripe;

namespace RelanceBot.Payments.DemoCheckout;

/// <summary>
/// A small in-memory emulator of the Stripe API calls the bot makes (Checkout Sessions, PaymentIntents), with a fake
/// hosted checkout page (Pay / Decline / Needs authentication) that reports completions as signed webhooks. It runs
/// inside the app when no Stripe key is configured (the local demo) and as the fake Stripe server in tests.
/// Objects are scoped by <c>Stripe-Account</c>; idempotency keys replay the first answer; magic PaymentMethod ids
/// decline off-session charges the way Stripe's test cards do.
/// </summary>
public sealed class DemoStripe(DemoStripeSettings settings, HttpClient webhookClient, TimeProvider time)
{
    /// <summary>Where the emulator lives inside the app in demo mode.</summary>
    public const string PathPrefix = "/demo-stripe";

    /// <summary>Demo-only credentials; they open nothing but this emulator.</summary>
    public const string ApiKey = "sk_test_relancebot_demo";
    public const string WebhookSecret = "whsec_relancebot_demo_local_only";

    private readonly ConcurrentDictionary<string, DemoCheckoutSession> _sessions = new();
    private readonly ConcurrentDictionary<string, JsonObject> _paymentIntents = new();
    private readonly ConcurrentDictionary<string, (string Body, int Status, string Json)> _idempotent = new();
    private readonly ConcurrentQueue<RecordedStripeRequest> _requests = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly Lock _gate = new();

    public IReadOnlyCollection<RecordedStripeRequest> Requests => _requests;

    /// <summary>Every event produced, as sent (JSON), so tests can deliver them again or out of order.</summary>
    public IReadOnlyCollection<string> Events => _events;

    public int PaymentIntentCount => _paymentIntents.Count;

    /// <summary>Off, completions only record their events (tests deliver them in the order they choose).</summary>
    public bool DeliversEvents { get; set; } = true;

    internal void Record(RecordedStripeRequest request) => _requests.Enqueue(request);

    /// <summary>Replays the stored answer for a key, or runs <paramref name="create"/> once and stores its answer.</summary>
    internal (int Status, string Json) Idempotent(string? key, string? account, IReadOnlyDictionary<string, string> form, Func<(int Status, string Json)> create)
    {
        if (key is null)
        {
            return create();
        }

        var body = string.Join('&', form.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        lock (_gate)
        {
            if (_idempotent.TryGetValue($"{account}|{key}", out var stored))
            {
                return stored.Body == body
                    ? (stored.Status, stored.Json)
                    : (400, Error("idempotency_error", null, null, "Keys for idempotent requests can only be used with the same parameters they were first used with."));
            }

            var answer = create();
            _idempotent[$"{account}|{key}"] = (body, answer.Status, answer.Json);
            return answer;
        }
    }

    internal JsonObject CreateSession(string? account, IReadOnlyDictionary<string, string> form, Uri checkoutBase)
    {
        var id = NewId("cs_test_");
        var saveCard = form.GetValueOrDefault("payment_intent_data[setup_future_usage]") == "off_session";
        var session = Template("checkout.session");
        session["id"] = id;
        session["object"] = "checkout.session";
        session["mode"] = form.GetValueOrDefault("mode", "payment");
        session["currency"] = form.GetValueOrDefault("currency", "eur");
        var amount = long.Parse(form.GetValueOrDefault("line_items[0][price_data][unit_amount]", "0"), System.Globalization.CultureInfo.InvariantCulture);
        session["amount_total"] = amount;
        session["amount_subtotal"] = amount;
        session["status"] = "open";
        session["payment_status"] = "unpaid";
        session["url"] = new Uri(checkoutBase, $"checkout/{id}").AbsoluteUri;
        session["success_url"] = form.GetValueOrDefault("success_url");
        session["client_reference_id"] = form.GetValueOrDefault("client_reference_id");
        session["locale"] = form.GetValueOrDefault("locale");
        session["expires_at"] = long.Parse(form.GetValueOrDefault("expires_at", "0"), System.Globalization.CultureInfo.InvariantCulture);
        session["created"] = time.GetUtcNow().ToUnixTimeSeconds();
        session["livemode"] = false;
        session["customer"] = form.GetValueOrDefault("customer");
        session["payment_intent"] = null;
        session["metadata"] = Nested(form, "metadata");
        _sessions[id] = new DemoCheckoutSession(session, account, Nested(form, "payment_intent_data[metadata]"), saveCard);
        return session;
    }

    internal DemoCheckoutSession? FindSession(string id, string? account, bool anyAccount = false) =>
        _sessions.TryGetValue(id, out var session) && (anyAccount || session.Account == account) ? session : null;

    internal JsonObject? FindPaymentIntent(string id, string? account) =>
        _paymentIntents.TryGetValue($"{account}|{id}", out var intent) ? intent : null;

    /// <summary>An off-session charge of a saved card; magic PaymentMethod ids fail like Stripe's test cards.</summary>
    internal (int Status, string Json) CreatePaymentIntent(string? account, IReadOnlyDictionary<string, string> form)
    {
        var paymentMethod = form.GetValueOrDefault("payment_method", "");
        var amount = long.Parse(form.GetValueOrDefault("amount", "0"), System.Globalization.CultureInfo.InvariantCulture);
        var intent = NewPaymentIntent(account, amount, form.GetValueOrDefault("customer"), paymentMethod, Nested(form, "metadata"));
        var failure = paymentMethod switch
        {
            "pm_card_chargeCustomerFail" or "pm_card_chargeDeclined" or "pm_card_visa_chargeDeclined" => ("card_declined", "generic_decline"),
            "pm_card_visa_chargeDeclinedInsufficientFunds" or "pm_card_chargeDeclinedInsufficientFunds" => ("card_declined", "insufficient_funds"),
            "pm_card_authenticationRequired" => ("authentication_required", "authentication_required"),
            _ => ((string, string)?)null,
        };
        if (failure is not { } declined)
        {
            Emit("payment_intent.succeeded", intent, account);
            return (200, intent.ToJsonString());
        }

        intent["status"] = "requires_payment_method";
        intent["amount_received"] = 0;
        intent["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = declined.Item1, ["decline_code"] = declined.Item2 };
        Emit("payment_intent.payment_failed", intent, account);
        return (402, Error("card_error", declined.Item1, declined.Item2, "Your card was declined.", intent));
    }

    /// <summary>The patient paid on the fake page: the session completes, the card is saved if asked, events go out.</summary>
    internal async Task CompleteAsync(DemoCheckoutSession demo, string paymentMethod, CancellationToken cancellationToken)
    {
        var session = demo.Json;
        var customer = (string?)session["customer"] ?? (demo.SaveCard ? NewId("cus_") : null);
        var intent = NewPaymentIntent(demo.Account, (long)session["amount_total"]!, customer, paymentMethod, (JsonObject)demo.PaymentIntentMetadata.DeepClone());
        session["status"] = "complete";
        session["payment_status"] = "paid";
        session["payment_intent"] = (string)intent["id"]!;
        session["customer"] = customer;
        var completed = Emit("checkout.session.completed", session, demo.Account);
        var succeeded = Emit("payment_intent.succeeded", intent, demo.Account);
        if (DeliversEvents)
        {
            (await DeliverAsync(completed, cancellationToken)).Dispose();
            (await DeliverAsync(succeeded, cancellationToken)).Dispose();
        }
    }

    /// <summary>Posts an event to the bot's webhook, signed with the configured secret at the emulator's current time.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string eventJson, CancellationToken cancellationToken, long? signedAt = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl)
        {
            Content = new StringContent(eventJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", EventUtility.GenerateSignatureHeader(eventJson, settings.WebhookSecret, signedAt ?? time.GetUtcNow().ToUnixTimeSeconds()));
        return await webhookClient.SendAsync(request, cancellationToken);
    }

    /// <summary>Builds (and keeps) an event the way Stripe sends it; also used by tests for refunds and disputes.</summary>
    public string Emit(string type, JsonObject dataObject, string? account = null)
    {
        var stripeEvent = new JsonObject
        {
            ["id"] = NewId("evt_"),
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = dataObject.DeepClone() },
        };
        if (account is not null)
        {
            stripeEvent["account"] = account;
        }

        var json = stripeEvent.ToJsonString();
        _events.Enqueue(json);
        return json;
    }

    public JsonObject Template(string objectType) => settings.Templates?.Invoke(objectType) ?? [];

    internal static string Error(string type, string? code, string? declineCode, string message, JsonObject? paymentIntent = null) =>
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["type"] = type,
                ["code"] = code,
                ["decline_code"] = declineCode,
                ["message"] = message,
                ["payment_intent"] = paymentIntent?.DeepClone(),
            },
        }.ToJsonString();

    private JsonObject NewPaymentIntent(string? account, long amount, string? customer, string paymentMethod, JsonObject metadata)
    {
        var id = NewId("pi_");
        var intent = Template("payment_intent");
        intent["id"] = id;
        intent["object"] = "payment_intent";
        intent["amount"] = amount;
        intent["amount_received"] = amount;
        intent["currency"] = "eur";
        intent["status"] = "succeeded";
        intent["customer"] = customer;
        intent["payment_method"] = paymentMethod;
        intent["latest_charge"] = NewId("ch_");
        intent["created"] = time.GetUtcNow().ToUnixTimeSeconds();
        intent["livemode"] = false;
        intent["metadata"] = metadata;
        intent["last_payment_error"] = null;
        _paymentIntents[$"{account}|{id}"] = intent;
        return intent;
    }

    /// <summary><c>metadata[invoice_id]=…</c> form fields as a JSON object.</summary>
    private static JsonObject Nested(IReadOnlyDictionary<string, string> form, string prefix)
    {
        var result = new JsonObject();
        foreach (var (key, value) in form)
        {
            if (key.StartsWith(prefix + "[", StringComparison.Ordinal) && key.EndsWith(']') && key.IndexOf('[', prefix.Length + 1) < 0)
            {
                result[key[(prefix.Length + 1)..^1]] = value;
            }
        }

        return result;
    }

    private static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
