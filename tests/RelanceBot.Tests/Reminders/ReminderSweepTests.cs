using RelanceBot.Conversations.Messages;
using RelanceBot.Teams.Alerts;
using RelanceBot.Practices;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.FormalNotices;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Reminders;
using RelanceBot.Sms.DemoTwilio;
using RelanceBot.Tests.Outbox.TestInfrastructure;
using RelanceBot.Tests.Sms;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Reminders;

/// <summary>
/// The sweep on the real app and a SQLite file. Quartz may sweep too in the background, so tests assert what is in
/// the database, which is the same whichever sweep did the work. Messages are delivered (to a fake of Twilio's API and a
/// local SMTP server) only when a test runs the outbox dispatcher itself.
/// </summary>
public class ReminderSweepTests : IAsyncLifetime
{
    private const string PatientPhone = "+33612345678";

    /// <summary>Where the fake Twilio would post patients' texts: nothing listens, so the bot never hears of them.</summary>
    private static readonly Uri UnreachableWebhook = new("http://127.0.0.1:1/webhooks/twilio/sms");

    private FakeTwilioServer _twilio = null!;
    private SmtpServer _smtp = null!;
    private RelanceBotFactory _factory = null!;
    private HttpClient _api = null!;
    private TestPractice _practice = null!;

    protected virtual Task<RelanceBotFactory> CreateFactoryAsync() => Task.FromResult(new RelanceBotFactory());

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartAsync();
        _factory = await CreateFactoryAsync();
        _twilio = await FakeTwilioServer.StartAsync(_factory.Clock, UnreachableWebhook);
        // Links are built on the public host the reminders advertise.
        _factory.Settings["Payments:PublicBaseUrl"] = "https://pay.relancebot.test";
        _factory.Settings["Sms:Provider"] = "Twilio";
        _factory.Settings["Sms:Twilio:AccountSid"] = DemoTwilioServer.AccountSid;
        _factory.Settings["Sms:Twilio:AuthToken"] = FakeTwilioServer.AuthToken;
        _factory.Settings["Sms:Twilio:FromNumber"] = DemoTwilioServer.FromNumber;
        _factory.Settings["Sms:Twilio:ApiBase"] = _twilio.BaseAddress.AbsoluteUri;
        _factory.Settings["Delivery:Email:Host"] = "127.0.0.1";
        _factory.Settings["Delivery:Email:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _factory.Settings["Delivery:Email:Tls"] = "None";
        _factory.Settings["Delivery:Email:SenderAddress"] = "relances@cabinet-dupont.test";
        _practice = await TestPractice.CreateAsync(_factory);
        _api = _factory.CreateApiClient(_practice.ApiKey);
        var cadence = await (await _api.GetAsync("/api/v1/cadence")).ReadJsonAsync();
        cadence["isEnabled"] = true;
        (await _api.PutAsJsonAsync("/api/v1/cadence", cadence)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _api.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        // Due Sunday 1 March; the clock starts on Monday 2 March 2026, 10:00 in Paris: D+1 is due at once.
        (await _api.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice())).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task Sweeping_twice_enqueues_the_due_reminder_once()
    {
        await SweepAsync();
        await SweepAsync();

        var messages = await OutboxAsync();
        messages.Count.ShouldBe(1);
        messages[0].Purpose.ShouldBe(OutboxPurpose.Reminder);
        messages[0].IdempotencyKey.ShouldEndWith(":courteous-1");
        messages[0].Content.Text.ShouldContain("https://pay.relancebot.test/p/");
        messages[0].Content.Text.ShouldContain("STOP");
        messages[0].Content.Text.ShouldNotContain("Consultation"); // the internal description
    }

    [Fact]
    public async Task A_sweep_of_several_batches_enqueues_each_due_reminder_once()
    {
        // More patients than the first batch holds: the sweep's pipeline prepares two batches for one transaction.
        const int patients = SweepDueReminders.FirstBatchSize + 10;
        for (var index = 2; index <= patients; index++)
        {
            (await _api.PutJsonAsync($"/api/v1/patients/P-{index}", Requests.Patient())).EnsureSuccessStatusCode();
            (await _api.PutJsonAsync($"/api/v1/invoices/F-{index}", Requests.Invoice($"P-{index}"))).EnsureSuccessStatusCode();
        }

        await SweepAsync();
        await SweepAsync();

        var messages = await OutboxAsync();
        messages.Count.ShouldBe(patients);
        messages.Select(message => message.InvoiceId).Distinct().Count().ShouldBe(patients);
        var queued = await _factory.WithDbAsync(db => db.ReminderStepRuns.CountAsync(run => run.Outcome == StepOutcome.Queued));
        queued.ShouldBe(patients);
        var stillDue = await _factory.WithDbAsync(db => db.ReminderSchedules.CountAsync(schedule => schedule.NextReminderAt <= _factory.Clock.GetUtcNow()));
        stillDue.ShouldBe(0);
    }

    [Fact]
    public async Task A_payment_recorded_between_the_sweep_and_the_send_stops_the_reminder()
    {
        await SweepAsync();
        await _factory.WithDbAsync(async db =>
        {
            var invoice = await db.Invoices.SingleAsync();
            invoice.RecordPayment(invoice.AmountOutstandingCents, _factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });

        await using var scope = _factory.Services.CreateAsyncScope();
        var message = (await OutboxAsync()).Single();
        var guards = scope.ServiceProvider.GetServices<IOutboxSendGuard>();
        var decisions = await Task.WhenAll(guards.Select(guard => guard.CheckAsync(message, CancellationToken.None)));

        decisions.ShouldContain(decision => !decision.IsAllowed);
    }

    [Fact]
    public async Task A_week_later_the_reminder_alternates_to_another_channel_and_STOP_on_one_channel_keeps_the_others()
    {
        await SweepAsync();
        await DeliverAsync();
        var first = (await OutboxAsync()).Single();
        await _factory.WithDbAsync(async db =>
        {
            var patient = await db.Patients.Include(candidate => candidate.Channels).SingleAsync();
            patient.Channels.Single(channel => channel.Kind == ChannelKind.Email).OptOut("STOP", _factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });

        _factory.Clock.Advance(TimeSpan.FromDays(7)); // Monday 9 March, 10:00: D+7 is due
        await SweepAsync();

        var second = (await OutboxAsync()).Single(message => message.IdempotencyKey.EndsWith(":courteous-2", StringComparison.Ordinal));
        first.Channel.ShouldBe(DeliveryChannel.Sms); // through the fake Twilio
        second.Channel.ShouldBe(DeliveryChannel.Sms, "e-mail was opted out, so SMS goes on");
    }

    [Fact]
    public async Task A_dispute_stops_the_cadence_and_reopening_resumes_it_at_the_next_step()
    {
        await SweepAsync();
        await DeliverAsync();
        await _factory.WithDbAsync(async db =>
        {
            (await db.Invoices.SingleAsync()).Dispute(_factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        _factory.Clock.Advance(TimeSpan.FromDays(16)); // Wednesday 18 March: D+7 and D+15 passed
        await SweepAsync();
        (await OutboxAsync()).Count.ShouldBe(1);

        await _factory.WithDbAsync(async db =>
        {
            (await db.Invoices.SingleAsync()).Reopen(_factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        await SweepAsync();

        // D+7 and D+15 passed meanwhile: the ladder goes on from where it stood, it does not jump to the formal text.
        (await OutboxAsync()).Select(message => message.IdempotencyKey.Split(':')[^1]).ShouldBe(["courteous-1", "courteous-2"]);
    }

    [Fact]
    public async Task The_mise_en_demeure_waits_for_the_practitioner_and_goes_once_approved()
    {
        await WalkAsync(TimeSpan.FromDays(60), until: db => db.StaffAlerts.AnyAsync(alert => alert.Kind == StaffAlertKind.FormalNoticeApproval));
        (await OutboxAsync()).ShouldNotContain(message => message.Purpose == OutboxPurpose.FormalNotice);

        var alert = await _factory.WithDbAsync(db => db.StaffAlerts.SingleAsync(candidate => candidate.Kind == StaffAlertKind.FormalNoticeApproval));
        alert.RequiresDecision.ShouldBeTrue();
        (await _api.PostAsync($"/api/v1/alerts/{alert.Id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // Raised at the start of the day; the notice goes at the next contact window.
        await WalkAsync(TimeSpan.FromDays(3), until: db => db.OutboxMessages.AnyAsync(message => message.Purpose == OutboxPurpose.FormalNotice));

        var notice = (await OutboxAsync()).Single(message => message.Purpose == OutboxPurpose.FormalNotice);
        notice.Channel.ShouldBe(DeliveryChannel.Email);
        notice.Content.Subject.ShouldNotBeNull().ShouldContain("Mise en demeure");
    }

    [Fact]
    public async Task The_mise_en_demeure_approved_from_the_Teams_card_goes_at_the_next_contact_window()
    {
        await WalkAsync(TimeSpan.FromDays(60), until: db => db.StaffAlerts.AnyAsync(alert => alert.Kind == StaffAlertKind.FormalNoticeApproval));
        var alert = await _factory.WithDbAsync(db => db.StaffAlerts.SingleAsync(candidate => candidate.Kind == StaffAlertKind.FormalNoticeApproval));
        const string practitioner = "00000000-0000-0000-0000-0000000000aa";
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<RegisterStaff>()
                .HandleAsync(_practice.Id, "Dr Dupont", practitioner, "Practitioner", CancellationToken.None)).ShouldNotBeNull();
            var pressed = await scope.ServiceProvider.GetRequiredService<AlertActionHandler>().HandleAsync(
                _practice.Id, practitioner, new AlertActionRequest(alert.Id, AlertVerb.Approve, null, null, null, null),
                BotLanguage.French, CancellationToken.None);
            pressed.Status.ShouldBe(AlertActionStatus.Done);
        }

        await WalkAsync(TimeSpan.FromDays(3), until: db => db.OutboxMessages.AnyAsync(message => message.Purpose == OutboxPurpose.FormalNotice));

        (await OutboxAsync()).ShouldContain(message => message.Purpose == OutboxPurpose.FormalNotice);
    }

    [Fact]
    public async Task The_approved_mise_en_demeure_is_a_letter_emailed_as_an_attachment_kept_on_the_invoice_and_downloadable()
    {
        var download = "/api/v1/invoices/F-1/formal-notice.pdf";
        var before = await _api.GetAsync(download);
        before.StatusCode.ShouldBe(HttpStatusCode.NotFound, "no letter before the mise en demeure");
        before.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        await WalkAsync(TimeSpan.FromDays(90), until: db => db.Set<FormalNotice>().AnyAsync(notice => notice.SentAt != null), approve: true);

        // The patient's mail: the short cover text, and the letter attached.
        var mail = _smtp.ReceivedMessages().Single(candidate => candidate.Subject?.StartsWith("Mise en demeure", StringComparison.Ordinal) == true);
        var cover = mail.TextBody.ShouldNotBeNull();
        cover.ShouldContain("Vous trouverez ci-joint une lettre de mise en demeure");
        cover.ShouldContain("Aucun frais ni aucune pénalité");
        var attachment = mail.Attachments.OfType<MimeKit.MimePart>().Single();
        attachment.ContentType.MimeType.ShouldBe("application/pdf");
        attachment.FileName.ShouldBe("mise-en-demeure-F-1.pdf");
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        var letter = pdf.ToArray();
        var text = Documents.Poppler.Flatten(Documents.Poppler.Text(letter));
        text.ShouldContain("F-1");
        text.ShouldContain("Jeanne Martin");
        text.ShouldNotContain("Consultation");

        // The invoice's record: the letter's hash and the instant the e-mail carrying it was delivered.
        var sent = (await OutboxAsync()).Single(message => message.Purpose == OutboxPurpose.FormalNotice);
        sent.Content.AttachmentIds.Count.ShouldBe(1, "the message names the stored letter; it does not carry it");
        var invoice = await (await _api.GetAsync("/api/v1/invoices/F-1")).ReadJsonAsync();
        invoice["formalNotice"]!["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(letter)));
        invoice["formalNotice"]!["sentAt"]!.GetValue<DateTimeOffset>().ShouldBe(sent.SentAt!.Value);
        invoice["formalNotice"]!["paymentDeadline"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        // Staff: the same bytes by API key, never another practice's.
        var own = await _api.GetAsync(download);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await own.Content.ReadAsByteArrayAsync()).ShouldBe(letter);
        var other = await TestPractice.CreateAsync(_factory, "Cabinet Autre");
        (await _factory.CreateApiClient(other.ApiKey).GetAsync(download)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // And from the Teams card: a button opening a signed link in the browser, which has no API key.
        var alert = await _factory.WithDbAsync(db => db.StaffAlerts.SingleAsync(candidate => candidate.Kind == StaffAlertKind.FormalNoticeLetter));
        alert.Summary.ShouldContain("recommandé avec accusé de réception");
        AlertCardSubject subject;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            subject = await scope.ServiceProvider.GetRequiredService<AlertCardSubjects>().LoadAsync(alert, CancellationToken.None);
        }

        var card = _factory.Services.GetRequiredService<AlertCardComposer>().Compose(subject, BotLanguage.French, _factory.Clock.GetUtcNow());
        var button = card["actions"]!.AsArray().Single(action => action!["type"]!.GetValue<string>() == "Action.OpenUrl")!;
        button["title"]!.GetValue<string>().ShouldBe("Télécharger la lettre (PDF)");
        var url = new Uri(button["url"]!.GetValue<string>());
        url.GetLeftPart(UriPartial.Authority).ShouldBe("https://pay.relancebot.test");
        using var browser = _factory.CreateClient();
        (await browser.GetByteArrayAsync(url.PathAndQuery)).ShouldBe(letter);
        (await browser.GetAsync(url.PathAndQuery[..^4] + "AAAA")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _factory.Clock.Advance(FormalNoticeStaffLinks.Lifetime + TimeSpan.FromMinutes(1));
        (await browser.GetAsync(url.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the link expires");
    }

    [Theory]
    [InlineData(46)]
    [InlineData(61)]
    public async Task A_backlog_imported_late_walks_the_ladder_from_the_first_courteous_reminder(int daysOverdue)
    {
        var invoiceId = await ImportOverdueAsync("F-OLD", daysOverdue, 120_00);

        await WalkAsync(TimeSpan.FromDays(90), approve: true);

        var delivered = await DeliveredAsync(invoiceId);
        delivered.Select(message => message.Step).ShouldBe(["courteous-1", "courteous-2", "formal", "firm", "formal-notice"]);
        delivered[0].SentAt.ShouldBeLessThan(RelanceBotFactory.Start.AddMinutes(5), "the first courteous reminder goes at once");
        delivered[0].Text.ShouldNotContain("précédents");
        delivered[0].Text.ShouldNotContain("precedents");
        await AssertGapsAsync(delivered);

        var runs = await _factory.WithDbAsync(db => db.ReminderStepRuns.AsNoTracking().Where(run => run.InvoiceId == invoiceId).ToListAsync());
        runs.Single(run => run.StepName == "friendly-notice").Outcome.ShouldBe(StepOutcome.Skipped, "a notice before the due date came too late");
        foreach (var (step, sentAt, _) in delivered)
        {
            var run = runs.Single(candidate => candidate.StepName == step);
            run.Outcome.ShouldBe(StepOutcome.Sent);
            run.DeliveredAt.ShouldBe(sentAt);
            run.Channel.ShouldNotBeNull();
        }

        // Staff: the escalation once the firm reminder was delivered, the hand-off a gap after the mise en demeure.
        var alerts = await _factory.WithDbAsync(db => db.StaffAlerts.AsNoTracking().Where(alert => alert.InvoiceId == invoiceId).ToListAsync());
        alerts.Single(alert => alert.Kind == StaffAlertKind.Escalation).CreatedAt.ShouldBeGreaterThanOrEqualTo(delivered[3].SentAt);
        alerts.Single(alert => alert.Kind == StaffAlertKind.FormalNoticeApproval).CreatedAt.ShouldBeGreaterThan(delivered[3].SentAt.AddDays(6));
        alerts.Single(alert => alert.Kind == StaffAlertKind.CollectionHandOff).CreatedAt.ShouldBeGreaterThan(delivered[4].SentAt.AddDays(6));

        // Written for the practice's staff, in French (the default staff language), like the card around them.
        alerts.Single(alert => alert.Kind == StaffAlertKind.Escalation).Summary
            .ShouldStartWith("Facture F-OLD impayée 30 jours après l'échéance. 4 relances remises, la dernière le ");
        alerts.Single(alert => alert.Kind == StaffAlertKind.FormalNoticeApproval).Summary
            .ShouldBe("Facture F-OLD impayée 45 jours après l'échéance : approuver l'envoi de la mise en demeure ?");
    }

    [Fact]
    public async Task The_preview_of_a_backlog_shows_the_walked_ladder()
    {
        await ImportOverdueAsync("F-OLD", 46, 120_00);

        var entries = (await (await _api.GetAsync("/api/v1/cadence/preview?days=60&invoice=F-OLD")).Content.ReadFromJsonAsync<JsonArray>())!;

        var messages = entries.Where(entry => entry!["text"] is not null).ToList();
        messages.Select(entry => entry!["step"]!.GetValue<string>()).ShouldBe(["courteous-1", "courteous-2", "formal", "firm", "formal-notice"]);
        // SMS texts are written without accents.
        messages[0]!["text"]!.GetValue<string>().ShouldNotMatch("pr[ée]c[ée]dents");
        messages[2]!["text"]!.GetValue<string>().ShouldMatch("pr[ée]c[ée]dents", "by then earlier reminders were delivered");
    }

    [Fact]
    public async Task A_15_euro_backlog_gets_its_courteous_and_formal_reminders_and_no_legal_step()
    {
        var invoiceId = await ImportOverdueAsync("F-SMALL", 46, 15_00);

        await WalkAsync(TimeSpan.FromDays(90), approve: true);

        var delivered = await DeliveredAsync(invoiceId);
        delivered.Select(message => message.Step).ShouldBe(["courteous-1", "courteous-2", "formal", "firm"]);
        await AssertGapsAsync(delivered);
        var alerts = await _factory.WithDbAsync(db => db.StaffAlerts.AsNoTracking().Where(alert => alert.InvoiceId == invoiceId)
            .Select(alert => alert.Kind).ToListAsync());
        alerts.ShouldNotContain(StaffAlertKind.FormalNoticeApproval);
        alerts.ShouldNotContain(StaffAlertKind.CollectionHandOff);
        var belowMinimum = await _factory.WithDbAsync(db => db.ReminderStepRuns.Where(run => run.InvoiceId == invoiceId && run.Outcome == StepOutcome.BelowMinimum)
            .Select(run => run.StepName).ToListAsync());
        belowMinimum.ShouldBe(["formal-notice", "collection-hand-off"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_reminder_stopped_before_it_left_is_recorded_as_undelivered_and_holds_the_ladder()
    {
        await SweepAsync();
        await _factory.WithDbAsync(async db =>
        {
            var invoice = await db.Invoices.SingleAsync();
            invoice.PauseReminders(_factory.Clock.GetUtcNow().AddDays(1), ReminderPauseReason.PaymentDeferred, _factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });

        await DeliverAsync();

        var run = await _factory.WithDbAsync(db => db.ReminderStepRuns.SingleAsync(candidate => candidate.StepName == "courteous-1"));
        run.Outcome.ShouldBe(StepOutcome.Undelivered);
        run.DeliveredAt.ShouldBeNull();
        run.DeliveryError.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_reminder_carried_by_the_fallback_is_recorded_as_sent_on_the_fallback_channel()
    {
        await SweepAsync();
        // The patient texted STOP to the carrier and the bot was not told: Twilio refuses the SMS for good.
        await Should.ThrowAsync<HttpRequestException>(() => _twilio.Twilio.SendInboundAsync(PatientPhone, "STOP", CancellationToken.None));

        await DeliverAsync(); // the SMS fails for good; the dispatcher sends the e-mail fallback in the same run

        _twilio.Twilio.Sent.ShouldBeEmpty();
        (await OutboxAsync()).Select(message => (message.Channel, message.Status))
            .ShouldBe([(DeliveryChannel.Sms, OutboxStatus.Failed), (DeliveryChannel.Email, OutboxStatus.Sent)], ignoreOrder: true);
        var run = await _factory.WithDbAsync(db => db.ReminderStepRuns.SingleAsync(candidate => candidate.StepName == "courteous-1"));
        run.Outcome.ShouldBe(StepOutcome.Sent);
        run.Channel.ShouldBe(ChannelKind.Email);
        _smtp.ReceivedMessages().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Approving_an_unknown_alert_is_a_404_problem()
    {
        var response = await _api.PostAsync($"/api/v1/alerts/{Guid.NewGuid()}/approve", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Preview_lists_what_would_be_sent_with_the_text()
    {
        var response = await _api.GetAsync("/api/v1/cadence/preview?days=60&invoice=F-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entries = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        entries.Select(entry => entry!["step"]!.GetValue<string>()).ShouldContain("courteous-1");
        entries.First(entry => entry!["step"]!.GetValue<string>() == "courteous-1")!["text"]!.GetValue<string>().ShouldContain("Jeanne");
        (await OutboxAsync()).ShouldBeEmpty("a preview sends nothing");
    }

    [Fact]
    public async Task A_poisoned_invoice_is_set_aside_with_one_alert_while_every_other_invoice_gets_its_reminder()
    {
        // Rows changed behind intake's back: due dates at both ends of the calendar, and a patient whose language
        // has no templates, so rendering their reminder throws.
        foreach (var (patient, invoice) in new[] { ("P-2", "F-LAST"), ("P-3", "F-FIRST"), ("P-4", "F-POISON") })
        {
            (await _api.PutJsonAsync($"/api/v1/patients/{patient}", Requests.Patient())).EnsureSuccessStatusCode();
            (await _api.PutJsonAsync($"/api/v1/invoices/{invoice}", Requests.Invoice(patient))).EnsureSuccessStatusCode();
        }

        await _factory.WithDbAsync(async db =>
        {
            var mine = db.Invoices.Where(invoice => invoice.PracticeId == _practice.Id);
            await mine.Where(invoice => invoice.ExternalReference == "F-LAST")
                .ExecuteUpdateAsync(setters => setters.SetProperty(invoice => invoice.DueDate, DateOnly.MaxValue));
            await mine.Where(invoice => invoice.ExternalReference == "F-FIRST")
                .ExecuteUpdateAsync(setters => setters
                    .SetProperty(invoice => invoice.IssueDate, DateOnly.MinValue)
                    .SetProperty(invoice => invoice.DueDate, DateOnly.MinValue));
            await db.Patients.Where(patient => patient.PracticeId == _practice.Id && patient.ExternalReference == "P-4")
                .ExecuteUpdateAsync(setters => setters.SetProperty(patient => patient.Language, "de"));
        });
        var other = await TestPractice.CreateAsync(_factory, "Cabinet Voisin");
        var otherApi = _factory.CreateApiClient(other.ApiKey);
        var cadence = await (await otherApi.GetAsync("/api/v1/cadence")).ReadJsonAsync();
        cadence["isEnabled"] = true;
        (await otherApi.PutAsJsonAsync("/api/v1/cadence", cadence)).EnsureSuccessStatusCode();
        (await otherApi.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        (await otherApi.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice())).EnsureSuccessStatusCode();
        var ids = await _factory.WithDbAsync(db => db.Invoices.ToDictionaryAsync(invoice => (invoice.PracticeId, invoice.ExternalReference), invoice => invoice.Id));

        var poisonId = ids[(_practice.Id, "F-POISON")];
        var firstId = ids[(_practice.Id, "F-FIRST")];

        await SweepAsync();
        var poisonWake = await _factory.WithDbAsync(db => db.ReminderSchedules.SingleAsync(schedule => schedule.InvoiceId == poisonId));
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync();

        var reminders = (await OutboxAsync()).Where(message => message.Purpose == OutboxPurpose.Reminder).ToList();
        reminders.Select(message => message.InvoiceId)
            .ShouldBe([ids[(_practice.Id, "F-1")], ids[(other.Id, "F-1")], firstId], ignoreOrder: true);
        var failures = await _factory.WithDbAsync(db => db.StaffAlerts.Where(alert => alert.Kind == StaffAlertKind.ReminderFailed).ToListAsync());
        failures.Count.ShouldBe(1, "one alert for the invoice, not one per sweep");
        failures[0].InvoiceId.ShouldBe(poisonId);
        failures[0].Summary.ShouldNotContain("Jeanne");
        poisonWake.NextReminderAt.ShouldNotBeNull().ShouldBeGreaterThan(RelanceBotFactory.Start.AddHours(1), "not woken every minute");
        (await _factory.WithDbAsync(db => db.ReminderStepRuns.CountAsync(run => run.InvoiceId == poisonId)))
            .ShouldBe(0, "its step was not claimed: it runs once the invoice can be prepared");
        (await _factory.WithDbAsync(db => db.StaffAlerts.CountAsync(alert => alert.InvoiceId == firstId)))
            .ShouldBe(0, "the oldest possible due date plans like any other: its first reminder, no alert");

        var preview = await _api.GetAsync("/api/v1/cadence/preview?days=30");
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entries = (await preview.Content.ReadFromJsonAsync<JsonArray>())!;
        entries.Single(entry => entry!["invoiceReference"]!.GetValue<string>() == "F-POISON")!["note"]!.GetValue<string>()
            .ShouldNotBeNullOrWhiteSpace();
        entries.ShouldContain(entry => entry!["invoiceReference"]!.GetValue<string>() == "F-1");
    }

    [Theory]
    [InlineData("days=0")]
    [InlineData("days=500")]
    [InlineData("")]
    public async Task Preview_with_a_bad_horizon_is_a_400(string query)
    {
        var response = await _api.GetAsync($"/api/v1/cadence/preview?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task SweepAsync() =>
        await _factory.Services.GetRequiredService<SweepDueReminders>().RunAsync(CancellationToken.None);

    /// <summary>Runs the outbox dispatcher: the due messages are delivered and their steps' record follows.</summary>
    private async Task DeliverAsync() =>
        await _factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>
    /// Lives through the calendar like the app: sweep, deliver, then jump to the next wake-up, until
    /// <paramref name="until"/> holds or <paramref name="span"/> has passed.
    /// </summary>
    private async Task WalkAsync(TimeSpan span, Func<RelanceBotDbContext, Task<bool>>? until = null, bool approve = false)
    {
        var end = _factory.Clock.GetUtcNow() + span;
        while (_factory.Clock.GetUtcNow() < end)
        {
            await SweepAsync();
            await DeliverAsync();
            if (approve)
            {
                // As practice software would: the open approval requests from the list, each approved by its id.
                var waiting = await (await _api.GetAsync("/api/v1/alerts?status=open&kind=FormalNoticeApproval")).ReadJsonAsync();
                foreach (var alert in waiting["items"]!.AsArray())
                {
                    (await _api.PostAsync($"/api/v1/alerts/{alert!["id"]}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                }
            }

            if (until is not null && await _factory.WithDbAsync(until))
            {
                return;
            }

            var now = _factory.Clock.GetUtcNow();
            var next = await _factory.WithDbAsync(db => db.ReminderSchedules.Where(schedule => schedule.NextReminderAt != null)
                .Select(schedule => schedule.NextReminderAt).ToListAsync());
            if (next.Count == 0)
            {
                return;
            }

            var wake = next.Min()!.Value;
            _factory.Clock.Advance(wake > now ? wake - now : ReminderBatch.SweepInterval);
        }
    }

    /// <summary>A patient of its own (so no other invoice shares the quota) owing an invoice due <paramref name="daysOverdue"/> days ago.</summary>
    private async Task<Guid> ImportOverdueAsync(string reference, int daysOverdue, long amountCents)
    {
        var due = DateOnly.FromDateTime(RelanceBotFactory.Start.UtcDateTime).AddDays(-daysOverdue);
        (await _api.PutJsonAsync($"/api/v1/patients/P-{reference}", Requests.Patient())).EnsureSuccessStatusCode();
        (await _api.PutJsonAsync($"/api/v1/invoices/{reference}", new
        {
            patientReference = $"P-{reference}",
            amountDueCents = amountCents,
            issueDate = due.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            dueDate = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })).EnsureSuccessStatusCode();
        return await _factory.WithDbAsync(db => db.Invoices.Where(invoice => invoice.ExternalReference == reference).Select(invoice => invoice.Id).SingleAsync());
    }

    /// <summary>The invoice's delivered messages in order: step, delivery instant, text.</summary>
    private async Task<List<(string Step, DateTimeOffset SentAt, string Text)>> DeliveredAsync(Guid invoiceId)
    {
        var messages = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(message => message.InvoiceId == invoiceId && message.Status == OutboxStatus.Sent).ToListAsync());
        return [.. messages.OrderBy(message => message.SentAt)
            .Select(message => (message.IdempotencyKey.Split(':')[^1], message.SentAt!.Value, message.Content.Text))];
    }

    /// <summary>Each message at least min(gap, the steps' spacing) local days after the previous one was delivered.</summary>
    private async Task AssertGapsAsync(List<(string Step, DateTimeOffset SentAt, string Text)> delivered)
    {
        var policy = await _factory.WithDbAsync(async db => await db.Set<CadencePolicy>().AsNoTracking().SingleAsync(candidate => candidate.PracticeId == _practice.Id));
        var planner = new CadencePlanner(policy);
        var offsets = policy.Steps.ToDictionary(step => step.Name, step => step.OffsetDays);
        for (var index = 1; index < delivered.Count; index++)
        {
            var (previous, previousAt, _) = delivered[index - 1];
            var (step, at, _) = delivered[index];
            var gap = Math.Min(policy.MinimumStepGapDays, offsets[step] - offsets[previous]);
            at.ShouldBeGreaterThanOrEqualTo(planner.Calendar.StartOfLocalDay(planner.Calendar.LocalDate(previousAt).AddDays(gap)), $"{step} after {previous}");
        }
    }

    private Task<List<OutboxMessage>> OutboxAsync() =>
        _factory.WithDbAsync(db => db.OutboxMessages.OrderBy(message => message.CreatedAt).ThenBy(message => message.Id).ToListAsync());

}

/// <summary>
/// The same sweep on PostgreSQL, where its bulk inserts are multi-row statements (a provider path SQLite never takes).
/// </summary>
public sealed class PostgreSqlReminderSweepTests(PostgreSqlServer server) : ReminderSweepTests, IClassFixture<PostgreSqlServer>
{
    protected override async Task<RelanceBotFactory> CreateFactoryAsync() =>
        RelanceBotFactory.OnPostgreSql(await server.CreateDatabaseAsync());
}
