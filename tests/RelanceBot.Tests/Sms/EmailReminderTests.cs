using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using Shouldly;

namespace RelanceBot.Tests.Sms;

/// <summary>E-mail reminders as a patient's mail client receives them, through a real SMTP server on 127.0.0.1.</summary>
public sealed class EmailReminderTests : IAsyncLifetime
{
    private SmsTestHost _host = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_email_reminder_has_a_subject_accents_the_link_the_disclosure_and_a_one_click_unsubscribe()
    {
        _host = await SmsTestHost.StartAsync();
        await _host.AddPatientWithInvoiceAsync(phone: null);

        await _host.SweepAsync();
        await _host.DispatchAsync();

        var mail = _host.Smtp.ReceivedMessages().ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Rappel : votre facture auprès de Cabinet Dupont");
        var text = mail.TextBody!;
        text.ShouldContain("arrivée à échéance le 1 mars 2026 reste à régler");
        text.ShouldContain(SmsTestHost.PublicBaseUrl + "/p/");
        text.ShouldContain("Ce message automatique vous est envoyé par l'assistant de Cabinet Dupont.");
        text.ShouldContain("Pour parler à une personne du cabinet");
        text.ShouldNotContain("cabinet Cabinet");
        var unsubscribe = mail.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        unsubscribe.ShouldStartWith(SmsTestHost.PublicBaseUrl + "/unsubscribe/");
        text.ShouldContain("Pour ne plus recevoir ces e-mails : " + unsubscribe);
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");

        var path = new Uri(unsubscribe).PathAndQuery;
        (await _host.Client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EmailOptedOutAsync()).ShouldBeFalse("a GET (a mail scanner following links) changes nothing");
        var oneClick = await _host.Client.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        oneClick.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EmailOptedOutAsync()).ShouldBeTrue();
        WebUtility.HtmlDecode(await oneClick.Content.ReadAsStringAsync()).ShouldContain("vous ne recevrez plus d'e-mails de Cabinet Dupont");
    }

    [Fact]
    public async Task Without_an_SMS_provider_a_patient_with_a_phone_gets_the_email_reminder()
    {
        _host = await SmsTestHost.StartAsync(provider: "None");
        await _host.AddPatientWithInvoiceAsync();

        await _host.SweepAsync();
        await _host.DispatchAsync();

        var message = (await _host.OutboxAsync()).ShouldHaveSingleItem();
        message.Channel.ShouldBe(DeliveryChannel.Email);
        message.Status.ShouldBe(OutboxStatus.Sent);
        _host.Smtp.ReceivedMessages().ShouldHaveSingleItem().Subject.ShouldBe("Rappel : votre facture auprès de Cabinet Dupont");
        _host.Twilio.Twilio.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_SMS_reminder_that_fails_for_good_falls_back_to_the_email_template_not_the_SMS_text()
    {
        _host = await SmsTestHost.StartAsync();
        // Twilio refuses the number: a landline, say. Invalid per the fake (not E.164), so 21211, permanent.
        await _host.AddPatientWithInvoiceAsync();
        await _host.WithDbAsync(db => db.PatientChannels.Where(channel => channel.Kind == ChannelKind.Sms)
            .ExecuteUpdateAsync(setters => setters.SetProperty(channel => channel.Address, "0612")));

        await _host.SweepAsync();
        await _host.DispatchAsync();
        await _host.DispatchAsync();

        var mail = _host.Smtp.ReceivedMessages().ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Rappel : votre facture auprès de Cabinet Dupont");
        mail.TextBody!.ShouldContain("Ce message automatique");
        mail.TextBody!.ShouldNotContain("STOP pour ne plus recevoir de SMS");
    }

    [Fact]
    public async Task Bad_unsubscribe_links_are_a_friendly_404()
    {
        _host = await SmsTestHost.StartAsync();

        var get = await _host.Client.GetAsync("/unsubscribe/not-a-token");
        var post = await _host.Client.PostAsync("/unsubscribe/not-a-token", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()).ShouldContain("lien de désinscription n'est pas valide");
    }

    private Task<bool> EmailOptedOutAsync() =>
        _host.WithDbAsync(db => db.PatientChannels.AnyAsync(channel => channel.Kind == ChannelKind.Email && channel.OptedOutAt != null));
}
