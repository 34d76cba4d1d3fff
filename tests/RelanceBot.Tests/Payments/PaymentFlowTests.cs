using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Payments;
using RelanceBot.Payments.Stripe;
using Shouldly;
using Xunit;

namespace RelanceBot.Tests.Payments;

public sealed class PaymentFlowTests : IAsyncLifetime
{
    private PaymentsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PaymentsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LinkToCheckoutToWebhook_PaysTheInvoiceAndStopsTheCadence()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-1", 12345);
        var path = await _host.PayLinkPathAsync(invoiceId);
        (await _host.PayLinkPathAsync(invoiceId)).ShouldBe(path, "one stable link per invoice");
        path.Length.ShouldBe("/p/".Length + PaymentLink.TokenLength);

        var sessionId = await _host.OpenLinkAsync(path);

        var create = _host.Stripe.Stripe.Requests.Single(request => request.Path == "/v1/checkout/sessions");
        create.Form["mode"].ShouldBe("payment");
        create.Form["currency"].ShouldBe("eur");
        create.Form["locale"].ShouldBe("fr");
        create.Form["line_items[0][price_data][unit_amount]"].ShouldBe("12345");
        create.Form["line_items[0][price_data][product_data][name]"].ShouldBe("Facture n° F-1", "the payments catalog's wording, in the patient's language");
        create.Form["metadata[invoice_id]"].ShouldBe(invoiceId.ToString());
        create.Form["payment_intent_data[metadata][invoice_id]"].ShouldBe(invoiceId.ToString());
        create.IdempotencyKey.ShouldNotBeNullOrEmpty();
        create.StripeAccount.ShouldBeNull();

        using var paid = await _host.CheckoutAsync(sessionId);
        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var invoice = await _host.InvoiceAsync(invoiceId);
        invoice.Status.ShouldBe(InvoiceStatus.Paid);
        invoice.AcceptsRemindersAt(_host.App.Clock.GetUtcNow()).ShouldBeFalse();
        (await _host.InScopeAsync(db => db.Set<Payment>().CountAsync())).ShouldBe(1);
        _host.Notices.Notices.ShouldContain(notice => notice.Kind == PatientNoticeKind.InvoicePaid && notice.InvoiceId == invoiceId);
        (await _host.InScopeAsync(db => db.StaffAlerts.CountAsync(alert => alert.Kind == StaffAlertKind.InvoicePaid))).ShouldBe(1);

        using var donePage = await _host.Browser.GetAsync(paid.Headers.Location!.PathAndQuery);
        (await donePage.Content.ReadAsStringAsync()).ShouldContain("Paiement reçu");
    }

    [Fact]
    public async Task PaidInvoice_EnqueuesOneThankYouOnThePatientsPreferredChannel()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-9", 4200);
        _host.Stripe.Stripe.DeliversEvents = false;
        (await _host.CheckoutAsync(await _host.OpenLinkAsync(await _host.PayLinkPathAsync(invoiceId)))).Dispose();
        var completed = _host.Stripe.Stripe.Events.Single(json => json.Contains("checkout.session.completed", StringComparison.Ordinal));
        for (var delivery = 0; delivery < 2; delivery++)
        {
            (await _host.Stripe.Stripe.DeliverAsync(completed, CancellationToken.None)).Dispose();
        }

        var paymentId = await _host.InScopeAsync(db => db.Set<Payment>().Where(payment => payment.InvoiceId == invoiceId).Select(payment => payment.Id).SingleAsync());
        var messages = await _host.InScopeAsync(db => db.OutboxMessages.AsNoTracking().Where(message => message.InvoiceId == invoiceId).ToListAsync());
        var receipt = messages.ShouldHaveSingleItem();
        receipt.IdempotencyKey.ShouldBe($"payment-receipt:{paymentId}");
        receipt.Purpose.ShouldBe(OutboxPurpose.PaymentReceipt);
        // The patient has a phone and an e-mail address and no preference: the phone comes first, as for reminders.
        receipt.Channel.ShouldBe(DeliveryChannel.Sms);
        receipt.RecipientChannelId.ShouldBe(DeliveryTarget.SmsChannelId);
        receipt.Content.Text.ShouldContain("Bonjour Jeanne");
        receipt.Content.Text.ShouldContain("soldée");
        receipt.Content.Text.ShouldNotContain("Consultation", Case.Insensitive);
        receipt.Content.Text.ShouldNotContain("\u00a0");
    }

    [Fact]
    public async Task SameWebhookThreeTimes_RecordsOnePayment()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-2", 10000);
        _host.Stripe.Stripe.DeliversEvents = false;
        (await _host.CheckoutAsync(await _host.OpenLinkAsync(await _host.PayLinkPathAsync(invoiceId)))).Dispose();
        var completed = _host.Stripe.Stripe.Events.Single(json => json.Contains("checkout.session.completed", StringComparison.Ordinal));

        for (var delivery = 0; delivery < 3; delivery++)
        {
            using var response = await _host.Stripe.Stripe.DeliverAsync(completed, CancellationToken.None);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await _host.InScopeAsync(db => db.Set<Payment>().CountAsync())).ShouldBe(1);
        (await _host.InvoiceAsync(invoiceId)).AmountPaidCents.ShouldBe(10000);
        _host.Notices.Notices.Count(notice => notice.Kind == PatientNoticeKind.InvoicePaid).ShouldBe(1);
    }

    [Fact]
    public async Task EventsOutOfOrder_RefundBeforePaymentThenPayment_EndsWithTheRightBalance()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-3", 10000);
        _host.Stripe.Stripe.DeliversEvents = false;
        (await _host.CheckoutAsync(await _host.OpenLinkAsync(await _host.PayLinkPathAsync(invoiceId)))).Dispose();
        var events = _host.Stripe.Stripe.Events.ToList();
        var refundEvent = RefundEvent(events, amountRefundedCents: 2500);

        // The refund first, then the payment events in reverse order.
        foreach (var json in new[] { refundEvent, events[1], events[0] })
        {
            using var response = await _host.Stripe.Stripe.DeliverAsync(json, CancellationToken.None);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var invoice = await _host.InvoiceAsync(invoiceId);
        invoice.AmountPaidCents.ShouldBe(7500);
        invoice.Status.ShouldBe(InvoiceStatus.PartiallyPaid);
        (await _host.InScopeAsync(db => db.Set<Payment>().SingleAsync())).RefundedCents.ShouldBe(2500);
    }

    [Fact]
    public async Task EventsOutOfOrder_PartialRefundBeforeItsPayment_NeverTellsThePatientTheInvoiceIsSettled()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-8", 10000);
        _host.Stripe.Stripe.DeliversEvents = false;
        (await _host.CheckoutAsync(await _host.OpenLinkAsync(await _host.PayLinkPathAsync(invoiceId)))).Dispose();
        var events = _host.Stripe.Stripe.Events.ToList();
        var refundEvent = RefundEvent(events, amountRefundedCents: 1000);

        // 10 € of the 100 € payment refunded, and Stripe delivers the refund before the payment.
        foreach (var json in new[] { refundEvent, events[0], events[1] })
        {
            using var response = await _host.Stripe.Stripe.DeliverAsync(json, CancellationToken.None);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var invoice = await _host.InvoiceAsync(invoiceId);
        invoice.AmountOutstandingCents.ShouldBe(1000);
        invoice.Status.ShouldBe(InvoiceStatus.PartiallyPaid);
        _host.Notices.Notices.ShouldNotContain(notice => notice.Kind == PatientNoticeKind.InvoicePaid);
        (await _host.InScopeAsync(db => db.OutboxMessages.CountAsync(message => message.Purpose == OutboxPurpose.PaymentReceipt))).ShouldBe(0);
        (await _host.InScopeAsync(db => db.StaffAlerts.CountAsync(alert => alert.Kind == StaffAlertKind.InvoicePaid))).ShouldBe(0);
    }

    [Fact]
    public async Task EventsInOrder_PaymentThenPartialRefund_ThanksOnceForTheSettledInvoiceThenOwesTheRefund()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-10", 10000);
        _host.Stripe.Stripe.DeliversEvents = false;
        (await _host.CheckoutAsync(await _host.OpenLinkAsync(await _host.PayLinkPathAsync(invoiceId)))).Dispose();
        var events = _host.Stripe.Stripe.Events.ToList();
        var refundEvent = RefundEvent(events, amountRefundedCents: 1000);

        foreach (var json in new[] { events[0], events[1], refundEvent })
        {
            using var response = await _host.Stripe.Stripe.DeliverAsync(json, CancellationToken.None);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // True when it was sent: the invoice was settled until the refund.
        _host.Notices.Notices.Count(notice => notice.Kind == PatientNoticeKind.InvoicePaid).ShouldBe(1);
        var invoice = await _host.InvoiceAsync(invoiceId);
        invoice.AmountOutstandingCents.ShouldBe(1000);
        invoice.Status.ShouldBe(InvoiceStatus.PartiallyPaid);
    }

    [Fact]
    public async Task TamperedSignature_Is400AndChangesNothing()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-4", 10000);
        _host.Stripe.Stripe.DeliversEvents = false;
        (await _host.CheckoutAsync(await _host.OpenLinkAsync(await _host.PayLinkPathAsync(invoiceId)))).Dispose();
        var completed = _host.Stripe.Stripe.Events.First();
        var signature = global::Stripe.EventUtility.GenerateSignatureHeader(completed, FakeStripeServer.WebhookSecret, _host.App.Clock.GetUtcNow().ToUnixTimeSeconds());

        using var tampered = await PostWebhookAsync(completed.Replace("\"paid\"", "\"paid\" ", StringComparison.Ordinal), signature);
        using var unsigned = await PostWebhookAsync(completed, null);
        using var wrongSecret = await PostWebhookAsync(completed, global::Stripe.EventUtility.GenerateSignatureHeader(completed, "whsec_other", _host.App.Clock.GetUtcNow().ToUnixTimeSeconds()));

        tampered.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        tampered.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        unsigned.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        wrongSecret.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _host.InvoiceAsync(invoiceId)).AmountPaidCents.ShouldBe(0);
        (await _host.InScopeAsync(db => db.Set<ProcessedStripeEvent>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task EventSignedLongerAgoThanTheTolerance_Is400()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-5", 10000);
        _host.Stripe.Stripe.DeliversEvents = false;
        (await _host.CheckoutAsync(await _host.OpenLinkAsync(await _host.PayLinkPathAsync(invoiceId)))).Dispose();
        var completed = _host.Stripe.Stripe.Events.First();

        using var stale = await _host.Stripe.Stripe.DeliverAsync(
            completed, CancellationToken.None, _host.App.Clock.GetUtcNow().AddSeconds(-301).ToUnixTimeSeconds());
        using var fresh = await _host.Stripe.Stripe.DeliverAsync(
            completed, CancellationToken.None, _host.App.Clock.GetUtcNow().AddSeconds(-299).ToUnixTimeSeconds());

        stale.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.InvoiceAsync(invoiceId)).Status.ShouldBe(InvoiceStatus.Paid);
    }

    [Fact]
    public async Task PayLinkOfAPaidInvoice_IsAFriendly404AndCreatesNothing()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-6", 5000, amountPaidCents: 5000);
        var path = await _host.PayLinkPathAsync(invoiceId);

        using var response = await _host.Browser.GetAsync(path);
        using var pay = await _host.Browser.PostAsync(path + "/pay", new FormUrlEncodedContent(new Dictionary<string, string>()));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Plus rien à régler");
        pay.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _host.Stripe.Stripe.Requests.ShouldBeEmpty();
        (await _host.InScopeAsync(db => db.Set<PaymentLinkOpen>().AnyAsync())).ShouldBeFalse();
    }

    [Fact]
    public async Task UnknownToken_Is404WithoutDetail()
    {
        using var response = await _host.Browser.GetAsync("/p/" + new string('A', PaymentLink.TokenLength));
        using var malformed = await _host.Browser.GetAsync("/p/short");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        malformed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Lien introuvable");
        body.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task PartialPayment_ThenTheLinkAsksForTheRemainingBalance()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-7", 10000, amountPaidCents: 4000);

        await _host.OpenLinkAsync(await _host.PayLinkPathAsync(invoiceId));

        _host.Stripe.Stripe.Requests.Single().Form["line_items[0][price_data][unit_amount]"].ShouldBe("6000");
    }

    /// <summary>A <c>charge.refunded</c> for the checkout's payment, with Stripe's running refund total.</summary>
    private string RefundEvent(IReadOnlyList<string> checkoutEvents, long amountRefundedCents)
    {
        var intent = (JsonObject)JsonNode.Parse(checkoutEvents.Single(json => json.Contains("payment_intent.succeeded", StringComparison.Ordinal)))!["data"]!["object"]!;
        var refunded = _host.Stripe.Stripe.Template("charge");
        refunded["id"] = $"ch_refunded_{amountRefundedCents}";
        refunded["object"] = "charge";
        refunded["payment_intent"] = (string)intent["id"]!;
        refunded["amount"] = (long)intent["amount"]!;
        refunded["amount_refunded"] = amountRefundedCents;
        refunded["currency"] = "eur";
        refunded["metadata"] = intent["metadata"]!.DeepClone();
        return _host.Stripe.Stripe.Emit("charge.refunded", refunded);
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string json, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }

        return await _host.Browser.SendAsync(request);
    }
}
