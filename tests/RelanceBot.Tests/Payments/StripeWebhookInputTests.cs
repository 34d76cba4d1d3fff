using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Payments.Stripe;
using Shouldly;
using Xunit;
using StripeEvents = Stripe.EventUtility;

namespace RelanceBot.Tests.Payments;

/// <summary>
/// What a careless integrator or a replayed capture can post to the webhook: correctly signed bodies that are not
/// events, and signature headers that do not parse. Each is refused with a 400 (Stripe stops retrying a 4xx only after
/// days, but a 5xx would be retried as the bot's fault) and changes nothing.
/// </summary>
public sealed class StripeWebhookInputTests : IAsyncLifetime
{
    private PaymentsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PaymentsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> SignedMalformedBodies() => new()
    {
        "[]",
        "{}",
        "null",
        "42",
        "\"evt\"",
        "{\"id\":\"evt_no_data\",\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"type\":\"payment_intent.succeeded\"}",
        "{\"id\":\"evt_null_data\",\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"type\":\"payment_intent.succeeded\",\"data\":null}",
        "{\"id\":\"evt_no_type\",\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"data\":{\"object\":{\"id\":\"pi_1\",\"object\":\"payment_intent\"}}}",
        "{\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"pi_1\",\"object\":\"payment_intent\"}}}",
        "{\"id\":42,\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"pi_1\",\"object\":\"payment_intent\"}}}",
        "{\"id\":\"evt_data_array\",\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"type\":\"payment_intent.succeeded\",\"data\":[]}",
        "{\"id\":\"evt_object_string\",\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"type\":\"charge.refunded\",\"data\":{\"object\":\"ch_1\"}}",
        "{\"id\":\"evt_amount_string\",\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"type\":\"charge.refunded\",\"data\":{\"object\":{\"id\":\"ch_1\",\"object\":\"charge\",\"amount_refunded\":\"lots\",\"payment_intent\":\"pi_1\"}}}",
        "{\"id\":\"evt_created_huge\",\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"created\":1e400,\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"pi_1\",\"object\":\"payment_intent\"}}}",
        "{\"id\":\"evt_no_version\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"pi_1\",\"object\":\"payment_intent\"}}}",
        "{\"id\":\"evt_truncated\",\"object\":\"event\"",
        "not json at all",
        "",
    };

    [Theory]
    [MemberData(nameof(SignedMalformedBodies))]
    public async Task SignedButMalformedBody_Is400ProblemAndRecordsNothing(string body)
    {
        using var response = await PostAsync(body, StripeEvents.GenerateSignatureHeader(body, FakeStripeServer.WebhookSecret, Now));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await _host.InScopeAsync(db => db.Set<ProcessedStripeEvent>().CountAsync())).ShouldBe(0);
    }

    public static TheoryData<string> BadSignatureHeaders() => new()
    {
        "t=99999999999999999999999999999999,v1=" + new string('a', 64),
        "t=-99999999999999999999,v1=" + new string('a', 64),
        "t=9223372036854775807,v1=" + new string('a', 64),
        "t=-9223372036854775808,v1=" + new string('a', 64),
        "t=abc,v1=" + new string('a', 64),
        "t=,v1=",
        "v1=" + new string('a', 64),
        "t=1772441700",
        "garbage",
        ",,,",
        "t=1772441700,v1=" + new string('a', 64) + ",novalue",
        "t=1,t=2,v1=zz",
        new string('t', 20_000),
    };

    [Theory]
    [MemberData(nameof(BadSignatureHeaders))]
    public async Task BadSignatureHeader_Is400Problem(string header)
    {
        using var response = await PostAsync("{\"id\":\"evt_1\",\"object\":\"event\"}", header);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("-9223372036854775807")]
    [InlineData("1e30")]
    [InlineData("253402300800")]
    [InlineData("253402300799")]
    [InlineData("0")]
    public async Task CorrectlySignedHeaderWithAnAbsurdTimestamp_Is400Problem(string timestamp)
    {
        var body = _host.Stripe.Stripe.Emit("customer.created", new JsonObject { ["id"] = "cus_1", ["object"] = "customer" });
        var signature = StripeEvents.ComputeSignature(FakeStripeServer.WebhookSecret, timestamp, body);

        using var response = await PostAsync(body, $"t={timestamp},v1={signature}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task SignedMalformedEvent_IsLoggedWithItsIdAndNothingElseFromTheBody()
    {
        const string body = "{\"id\":\"evt_1QxLogMe\",\"object\":\"event\",\"api_version\":\"2026-10-28.endive\","
            + "\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"object\":\"payment_intent\",\"metadata\":{\"patient\":\"Jeanne Martin\"}}}}";

        using var response = await PostAsync(body, StripeEvents.GenerateSignatureHeader(body, FakeStripeServer.WebhookSecret, Now));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var line = _host.Logs.Lines.Where(line => line.Contains("refused", StringComparison.Ordinal)).ShouldHaveSingleItem();
        line.ShouldContain("evt_1QxLogMe");
        line.ShouldNotContain("Jeanne");
        string.Concat(_host.Logs.Lines).ShouldNotContain(FakeStripeServer.WebhookSecret);
    }

    [Fact]
    public async Task AfterMalformedEvents_AValidEventIsStillApplied()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-1", 10000);
        _host.Stripe.Stripe.DeliversEvents = false;
        (await _host.CheckoutAsync(await _host.OpenLinkAsync(await _host.PayLinkPathAsync(invoiceId)))).Dispose();
        foreach (var body in new[] { "[]", "{}" })
        {
            (await PostAsync(body, StripeEvents.GenerateSignatureHeader(body, FakeStripeServer.WebhookSecret, Now))).Dispose();
        }

        using var valid = await _host.Stripe.Stripe.DeliverAsync(_host.Stripe.Stripe.Events.First(), CancellationToken.None);

        valid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.InvoiceAsync(invoiceId)).AmountPaidCents.ShouldBe(10000);
    }

    private long Now => _host.App.Clock.GetUtcNow().ToUnixTimeSeconds();

    private async Task<HttpResponseMessage> PostAsync(string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return await _host.Browser.SendAsync(request);
    }
}
