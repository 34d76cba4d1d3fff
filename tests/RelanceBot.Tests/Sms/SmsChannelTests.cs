using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Reminders.Messages;
using RelanceBot.Sms.DemoTwilio;
using Shouldly;

namespace RelanceBot.Tests.Sms;

/// <summary>SMS end to end: reminders through Twilio's library to the fake API, and patients' texts through the signed webhook.</summary>
public sealed class SmsChannelTests : IAsyncLifetime
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Sms", "Fixtures");

    private SmsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SmsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_reminder_goes_through_the_Twilio_API_with_its_text_its_link_and_STOP()
    {
        await _host.AddPatientWithInvoiceAsync();

        await _host.SweepAsync();
        await _host.DispatchAsync();

        var sent = _host.Twilio.Twilio.Sent.ShouldHaveSingleItem();
        sent["to"]!.GetValue<string>().ShouldBe("+33612345678");
        sent["from"]!.GetValue<string>().ShouldBe(SmsTestHost.TwilioNumber);
        var body = sent["body"]!.GetValue<string>();
        body.ShouldStartWith("Cabinet Dupont : bonjour Jeanne, sauf erreur de notre part, une facture de 123,45 € (échéance le 1 mars 2026) reste à régler.");
        body.ShouldContain(SmsTestHost.PublicBaseUrl + "/p/");
        body.ShouldContain("STOP pour ne plus recevoir de SMS");
        body.ShouldNotContain("Consultation");
        int.Parse(sent["num_segments"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(SmsSegments.MaxReminderSegments);
        var message = (await _host.OutboxAsync()).ShouldHaveSingleItem();
        message.Channel.ShouldBe(DeliveryChannel.Sms);
        message.Status.ShouldBe(OutboxStatus.Sent);
        message.ChannelMessageId.ShouldBe(sent["sid"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_inbound_STOP_signed_by_Twilio_opts_out_SMS_only_and_is_confirmed_by_SMS()
    {
        await _host.AddPatientWithInvoiceAsync();

        // Twilio's STOP webhook (fixture: every parameter, wire order, query of the configured URL), from the patient's
        // number (the fixture's +33639… is a Mayotte range, not a valid French mobile), signed as Twilio signs.
        var parameters = System.Web.HttpUtility.ParseQueryString(await File.ReadAllTextAsync(Path.Combine(Fixtures, "webhook-inbound-stop.txt")));
        parameters["From"] = "+33612345678";
        var pairs = parameters.AllKeys.Select(key => new KeyValuePair<string, string>(key!, parameters[key]!)).ToList();
        var response = await _host.PostWebhookAsync(
            new FormUrlEncodedContent(pairs),
            DemoTwilioServer.Sign(SmsTestHost.PublicBaseUrl + "/webhooks/twilio/sms?practice=cab-42", pairs, FakeTwilioServer.AuthToken),
            "/webhooks/twilio/sms?practice=cab-42");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        (await response.Content.ReadAsStringAsync()).ShouldBe(await File.ReadAllTextAsync(Path.Combine(Fixtures, "twiml-response-empty.xml")));
        var channels = await _host.WithDbAsync(db => db.PatientChannels.AsNoTracking().ToListAsync());
        var sms = channels.Single(channel => channel.Kind == ChannelKind.Sms);
        sms.IsOptedOut.ShouldBeTrue();
        sms.OptOutReason!.ShouldContain("Stop");
        channels.Single(channel => channel.Kind == ChannelKind.Email).IsOptedOut.ShouldBeFalse("STOP by SMS stops SMS, as carriers expect");

        await _host.DispatchAsync();

        var confirmation = _host.Twilio.Twilio.Sent.ShouldHaveSingleItem();
        confirmation["to"]!.GetValue<string>().ShouldBe("+33612345678");
        confirmation["body"]!.GetValue<string>().ShouldContain("vous ne recevrez plus de messages ici");
    }

    [Fact]
    public async Task A_bad_signature_is_403_and_nothing_is_recorded()
    {
        await _host.AddPatientWithInvoiceAsync();

        var response = await _host.TextAsync("STOP", signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _host.WithDbAsync(db => db.ConversationReferences.CountAsync())).ShouldBe(0);
        (await _host.WithDbAsync(db => db.PatientChannels.CountAsync(channel => channel.OptedOutAt != null))).ShouldBe(0);
        (await _host.OutboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signature_over_the_internal_address_instead_of_the_public_one_is_403()
    {
        await _host.AddPatientWithInvoiceAsync();
        var parameters = new Dictionary<string, string> { ["MessageSid"] = "SM" + new string('1', 32), ["From"] = "+33612345678", ["Body"] = "STOP" };
        var internalUrl = new Uri(_host.Client.BaseAddress!, "/webhooks/twilio/sms").AbsoluteUri;

        var response = await _host.PostWebhookAsync(
            new FormUrlEncodedContent(parameters), DemoTwilioServer.Sign(internalUrl, parameters, FakeTwilioServer.AuthToken));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deja_paye_by_SMS_starts_the_already_paid_flow_that_pauses_the_reminders()
    {
        await _host.AddPatientWithInvoiceAsync();
        await _host.SweepAsync();
        await _host.DispatchAsync();

        (await _host.TextAsync("déjà payé")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.TextAsync("Par chèque, la semaine dernière")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var invoice = await _host.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync());
        invoice.RemindersPausedUntil.ShouldNotBeNull().ShouldBeGreaterThan(_host.App.Clock.GetUtcNow());
        var alert = await _host.WithDbAsync(db => db.StaffAlerts.AsNoTracking().SingleAsync(candidate => candidate.Kind == StaffAlertKind.AlreadyPaidClaim));
        alert.PatientWords!.ShouldContain("chèque");
        var replies = (await _host.OutboxAsync()).Where(message => message.Purpose == OutboxPurpose.ConversationReply).ToList();
        replies.Count.ShouldBeGreaterThanOrEqualTo(2, "the question and the confirmation");
        replies.ShouldAllBe(reply => reply.RecipientId == "+33612345678" && reply.Channel == DeliveryChannel.Sms);
    }

    [Fact]
    public async Task The_fake_signs_webhooks_as_Twilio_does()
    {
        var fixture = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Fixtures, "webhook-inbound-sms.json"))).RootElement;
        var parameters = fixture.GetProperty("params_in_wire_order").EnumerateArray()
            .Select(pair => new KeyValuePair<string, string>(pair[0].GetString()!, pair[1].GetString()!));

        DemoTwilioServer.Sign(fixture.GetProperty("url").GetString()!, parameters, fixture.GetProperty("auth_token").GetString()!)
            .ShouldBe("608yHBxkV9S2rR2j0DSZ46LqzHA=");
    }

    [Fact]
    public async Task Bad_input_on_the_webhook_is_a_4xx_never_a_5xx()
    {
        await _host.AddPatientWithInvoiceAsync();
        var signedWithoutFrom = new Dictionary<string, string> { ["MessageSid"] = "SM" + new string('2', 32), ["Body"] = "STOP" };
        var signedBadFrom = new Dictionary<string, string> { ["MessageSid"] = "SM" + new string('3', 32), ["Body"] = "STOP", ["From"] = "not a phone" };
        var url = SmsTestHost.PublicBaseUrl + "/webhooks/twilio/sms";

        var statuses = new[]
        {
            (await _host.PostWebhookAsync(new StringContent("{\"Body\":\"STOP\"}", Encoding.UTF8, "application/json"), "x")).StatusCode,
            (await _host.PostWebhookAsync(new FormUrlEncodedContent(signedWithoutFrom), signature: null)).StatusCode,
            (await _host.PostWebhookAsync(new FormUrlEncodedContent(signedWithoutFrom), DemoTwilioServer.Sign(url, signedWithoutFrom, FakeTwilioServer.AuthToken))).StatusCode,
            (await _host.PostWebhookAsync(new FormUrlEncodedContent(signedBadFrom), DemoTwilioServer.Sign(url, signedBadFrom, FakeTwilioServer.AuthToken))).StatusCode,
            (await _host.Client.GetAsync("/webhooks/twilio/sms")).StatusCode,
        };

        statuses.ShouldBe([HttpStatusCode.UnsupportedMediaType, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.MethodNotAllowed]);
        (await _host.WithDbAsync(db => db.PatientChannels.CountAsync(channel => channel.OptedOutAt != null))).ShouldBe(0);
    }

    [Fact]
    public async Task A_text_from_a_number_no_patient_has_is_answered_empty_and_records_nothing()
    {
        await _host.AddPatientWithInvoiceAsync();

        var response = await _host.TextAsync("déjà payé", from: "+33611111111");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.WithDbAsync(db => db.ConversationReferences.CountAsync())).ShouldBe(0);
        (await _host.OutboxAsync()).ShouldBeEmpty();
    }
}
