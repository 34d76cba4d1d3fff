using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Delivery;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Teams;
using RelanceBot.Teams.Alerts;
using RelanceBot.Tests.Outbox.TestInfrastructure;

namespace RelanceBot.Tests.Outbox;

public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private OutboxTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await OutboxTestBed.StartAsync(services => services.AddScoped<IOutboxSendGuard, InvoiceStillOwedGuard>());

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Enqueue_SameKeyTwice_RecordsOneMessage()
    {
        var patient = await _bed.AddPatientAsync();
        var message = Reminder(patient, "reminder:inv-1:j+7:chat");

        (await _bed.EnqueueAsync(message)).ShouldBeTrue();
        (await _bed.EnqueueAsync(message with { Content = new OutboxContent("Autre texte") })).ShouldBeFalse();
        var sameUnitOfWork = await _bed.InScopeAsync(async (services, db) =>
        {
            var outbox = services.GetRequiredService<IOutbox>();
            var other = message with { IdempotencyKey = "reminder:inv-1:j+14:chat" };
            var results = new[] { await outbox.EnqueueAsync(other, default), await outbox.EnqueueAsync(other, default) };
            await db.SaveChangesAsync();
            return results;
        });

        sameUnitOfWork.ShouldBe([true, false]);
        (await _bed.MessagesAsync()).Select(saved => saved.Content.Text).ShouldBe(["Bonjour, un rappel.", "Bonjour, un rappel."]);
    }

    [Fact]
    public async Task Dispatch_DueMessage_SendsItToTheConversationWithSuggestedActionsAndRecordsSent()
    {
        var patient = await _bed.AddPatientAsync();
        await _bed.EnqueueAsync(Reminder(patient, "reminder:1"));

        (await _bed.DispatchAsync()).ShouldBe(1);

        var request = _bed.Connector.Requests.ShouldHaveSingleItem();
        request.Path.ShouldStartWith("/emea/v3/conversations/conv-");
        request.Body!["text"]!.GetValue<string>().ShouldBe("Bonjour, un rappel.");
        request.Body["suggestedActions"]!["actions"]!.AsArray().Select(action => action!["title"]!.GetValue<string>())
            .ShouldBe(["Payer", "J'ai déjà payé"]);
        var sent = (await _bed.MessagesAsync()).ShouldHaveSingleItem();
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.ChannelMessageId.ShouldBe("sent-1");
        sent.SentAt.ShouldBe(_bed.Clock.GetUtcNow());
        sent.Attempts.ShouldBe(1);
        sent.LeaseOwner.ShouldBeNull();
    }

    [Fact]
    public async Task Dispatch_BeforeTheDueTime_SendsNothingUntilItIsDue()
    {
        var patient = await _bed.AddPatientAsync();
        await _bed.EnqueueAsync(Reminder(patient, "reminder:later") with { DueAt = _bed.Clock.GetUtcNow().AddHours(2) });

        (await _bed.DispatchAsync()).ShouldBe(0);
        _bed.Clock.Advance(TimeSpan.FromHours(2));
        (await _bed.DispatchAsync()).ShouldBe(1);

        _bed.Connector.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_PaymentRecordedAfterEnqueue_SkipsTheReminder()
    {
        var patient = await _bed.AddPatientAsync();
        var invoiceId = await _bed.InScopeAsync(async (_, db) =>
        {
            var invoice = Invoice.Create(_bed.Practice.Id, patient.Id, "F-1",
                new InvoiceAmounts(5000, 0, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), null, false), _bed.Clock.GetUtcNow());
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            return invoice.Id;
        });
        await _bed.EnqueueAsync(Reminder(patient, "reminder:paid") with { InvoiceId = invoiceId });
        await _bed.InScopeAsync(async (_, db) =>
        {
            (await db.Invoices.SingleAsync(invoice => invoice.Id == invoiceId)).RecordPayment(5000, _bed.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        await _bed.DispatchAsync();

        _bed.Connector.Requests.ShouldBeEmpty();
        var skipped = (await _bed.MessagesAsync()).ShouldHaveSingleItem();
        skipped.Status.ShouldBe(OutboxStatus.Skipped);
        skipped.LastError.ShouldNotBeNull().ShouldContain("Paid");
    }

    [Fact]
    public async Task Dispatch_ServerErrorThenSuccess_RetriesAfterTheBackOff()
    {
        var patient = await _bed.AddPatientAsync();
        await _bed.EnqueueAsync(Reminder(patient, "reminder:retry"));
        _bed.Connector.Enqueue(500, """{"error":{"code":"ServiceError","message":"boom"}}""");

        await _bed.DispatchAsync();
        var pending = (await _bed.MessagesAsync()).ShouldHaveSingleItem();
        pending.Status.ShouldBe(OutboxStatus.Pending);
        pending.Attempts.ShouldBe(1);
        pending.LastError.ShouldBe("chat 500 ServiceError");
        pending.NextAttemptAt.ShouldBe(_bed.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));

        (await _bed.DispatchAsync()).ShouldBe(0);
        _bed.Clock.Advance(TimeSpan.FromMinutes(1));
        await _bed.DispatchAsync();

        _bed.Connector.Requests.Count.ShouldBe(2);
        var sent = (await _bed.MessagesAsync()).ShouldHaveSingleItem();
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task Dispatch_ConnectorForbidden_FallsBackToEmailDeliveredByTheSmtpServer()
    {
        var patient = await _bed.AddPatientAsync(email: "jeanne.martin@example.fr");
        await _bed.EnqueueAsync(Reminder(patient, "reminder:blocked"));
        _bed.Connector.Enqueue(403, """{"error":{"code":"BotNotInConversationRoster","message":"not installed"}}""");

        await _bed.DispatchAsync();

        var messages = await _bed.MessagesAsync();
        messages[0].LastError.ShouldBe("fallback: chat 403 BotNotInConversationRoster → email");
        messages[0].Status.ShouldBe(OutboxStatus.Failed);
        messages.Count.ShouldBe(2);
        messages[1].Status.ShouldBe(OutboxStatus.Sent);
        messages[1].Channel.ShouldBe(DeliveryChannel.Email);
        messages[1].OriginalMessageId.ShouldBe(messages[0].Id);
        var mail = _bed.Smtp.ReceivedMessages().ShouldHaveSingleItem();
        mail.To.Mailboxes.Single().Address.ShouldBe("jeanne.martin@example.fr");
        mail.From.Mailboxes.Single().Address.ShouldBe("relances@cabinet-dupont.test");
        mail.Subject.ShouldBe("Votre facture");
        mail.TextBody!.Trim().ShouldBe("Bonjour, un rappel.");
        mail.HtmlBody!.ShouldContain("<p>Bonjour, un rappel.</p>");
        mail.MessageId.ShouldBe(messages[1].ChannelMessageId);
    }

    [Fact]
    public async Task Dispatch_OptedOutChannel_SendsNothingThereAndUsesTheNextChannel()
    {
        var patient = await _bed.AddPatientAsync();
        await _bed.InScopeAsync(async (_, db) =>
        {
            var chat = await db.PatientChannels.SingleAsync(channel => channel.PatientId == patient.Id && channel.Kind == ChannelKind.Chat);
            chat.OptOut("STOP", _bed.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        await _bed.EnqueueAsync(Reminder(patient, "reminder:opted-out"));

        await _bed.DispatchAsync();

        _bed.Connector.Requests.ShouldBeEmpty();
        var messages = await _bed.MessagesAsync();
        messages[0].LastError.ShouldBe("fallback: chat opted out → email");
        messages[1].Status.ShouldBe(OutboxStatus.Sent);
        _bed.Smtp.ReceivedMessages().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_NoChannelLeft_RaisesOneStaffAlertWhoseCardIsPostedToTheTeamsAlertChannel()
    {
        var patient = await _bed.AddPatientAsync(email: null);
        var alertConversation = await _bed.InScopeAsync(async (_, db) =>
        {
            var conversation = _bed.AddConversation(db, "msteams");
            (await db.Practices.SingleAsync(practice => practice.Id == _bed.Practice.Id)).UseTeamsAlertChannel(conversation.Id);
            await db.SaveChangesAsync();
            return conversation;
        });
        await _bed.EnqueueAsync(Reminder(patient, "reminder:a"));
        await _bed.EnqueueAsync(Reminder(patient, "reminder:b"));
        _bed.Connector.Enqueue(403, """{"error":{"code":"ConversationBlockedByUser","message":"blocked"}}""");
        _bed.Connector.Enqueue(403, """{"error":{"code":"ConversationBlockedByUser","message":"blocked"}}""");

        await _bed.DispatchAsync();

        var messages = await _bed.MessagesAsync();
        messages.Take(2).ShouldAllBe(message => message.Status == OutboxStatus.Failed
            && message.LastError == "fallback: chat 403 ConversationBlockedByUser → no usable channel left, staff alerted");
        var alert = (await _bed.InScopeAsync((_, db) => db.StaffAlerts.ToListAsync())).ShouldHaveSingleItem();
        alert.Kind.ShouldBe(StaffAlertKind.NoUsableChannel);
        alert.PatientId.ShouldBe(patient.Id);
        messages.ShouldNotContain(message => message.Purpose == OutboxPurpose.StaffAlert, "the fallback posts nothing itself");
        (await _bed.InScopeAsync((_, db) => db.AuditEntries.SingleAsync(entry => entry.EntityId == alert.Id.ToString())))
            .Actor.ShouldBe(OutboxDispatcher.AuditActor);

        // The card dispatcher (the Teams job, every minute) posts the alert's card.
        (await _bed.InScopeAsync((services, _) => services.GetRequiredService<AlertCardDispatcher>().DispatchAsync(CancellationToken.None)))
            .ShouldBe(1);
        await _bed.DispatchAsync();
        var notice = (await _bed.MessagesAsync()).Single(message => message.Purpose == OutboxPurpose.StaffAlert);
        notice.IdempotencyKey.ShouldBe(TeamsChannelOutbox.AlertKey(alert.Id));
        notice.Content.AdaptiveCardJson.ShouldNotBeNull();
        notice.ConversationReferenceId.ShouldBe(alertConversation.Id);
        notice.Status.ShouldBe(OutboxStatus.Sent);
        _bed.Connector.Requests.Last().Path.ShouldContain(alertConversation.ConversationId);
    }

    [Fact]
    public async Task Dispatch_StartTlsAgainstAPlainSmtpServer_RaisesOneConfigurationAlertSayingWhatToFix_AndRetries()
    {
        await using var bed = await OutboxTestBed.StartAsync(services =>
            services.Configure<EmailOptions>(options => options.Tls = MailKit.Security.SecureSocketOptions.StartTls));
        var first = await bed.AddPatientAsync(email: "jeanne@example.fr", withChat: false);
        var second = await bed.AddPatientAsync(email: "paul@example.fr", withChat: false);
        await bed.EnqueueAsync(Reminder(bed, first, "reminder:tls-a", ChannelKind.Email));
        await bed.EnqueueAsync(Reminder(bed, second, "reminder:tls-b", ChannelKind.Email));

        await bed.DispatchAsync();
        bed.Clock.Advance(TimeSpan.FromHours(1));
        await bed.DispatchAsync();

        var messages = await bed.MessagesAsync();
        messages.ShouldAllBe(message => message.Status == OutboxStatus.Pending && message.LastError == "email tls: server without STARTTLS");
        var alert = (await bed.InScopeAsync((_, db) => db.StaffAlerts.ToListAsync())).ShouldHaveSingleItem("one alert while it is open");
        alert.Kind.ShouldBe(StaffAlertKind.DeliveryConfiguration);
        alert.Summary.ShouldContain("Delivery:Email:Tls");
        alert.Summary.ShouldContain("None");
        bed.Smtp.ReceivedMessages().ShouldBeEmpty();
    }

    [Fact]
    public async Task Dispatch_EmailRejectedOrDeferred_FailsForGoodOnFiveHundredsAndRetriesOnFourHundreds()
    {
        var rejected = await _bed.AddPatientAsync(email: "nobody@rejected.invalid", withChat: false);
        var deferred = await _bed.AddPatientAsync(email: "later@busy.invalid", withChat: false);
        await _bed.EnqueueAsync(Reminder(rejected, "reminder:a-rejected", ChannelKind.Email));
        await _bed.EnqueueAsync(Reminder(deferred, "reminder:b-deferred", ChannelKind.Email));

        await _bed.DispatchAsync();

        var messages = await _bed.MessagesAsync();
        messages[0].LastError!.ShouldStartWith("fallback: email 550");
        messages[0].Status.ShouldBe(OutboxStatus.Failed);
        messages[1].Status.ShouldBe(OutboxStatus.Pending);
        messages[1].LastError!.ShouldStartWith("email 451");
        _bed.Smtp.ReceivedMessages().ShouldBeEmpty();
    }

    [Fact]
    public async Task Dispatch_TransientFailuresUpToTheLimit_GivesUpAndFallsBack()
    {
        var patient = await _bed.AddPatientAsync();
        await _bed.EnqueueAsync(Reminder(patient, "reminder:flaky"));
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            _bed.Connector.Enqueue(500);
            await _bed.DispatchAsync();
            _bed.Clock.Advance(TimeSpan.FromHours(2));
        }

        var messages = await _bed.MessagesAsync();
        messages[0].Status.ShouldBe(OutboxStatus.Failed);
        messages[0].Attempts.ShouldBe(6);
        messages[0].LastError.ShouldBe("fallback: chat 500 InternalServerError (gave up after 6 attempts) → email");
        messages[1].Status.ShouldBe(OutboxStatus.Sent);
    }

    [Fact]
    public Task Dispatch_TwoDispatchersRacing_SendEachMessageOnce() => TwoDispatchersRaceAsync(_bed);

    /// <summary>300 messages, two dispatchers claiming at once: each message is sent exactly once.</summary>
    internal static async Task TwoDispatchersRaceAsync(OutboxTestBed bed)
    {
        var patient = await bed.AddPatientAsync();
        await bed.InScopeAsync(async (services, db) =>
        {
            var outbox = services.GetRequiredService<IOutbox>();
            for (var index = 0; index < 300; index++)
            {
                await outbox.EnqueueAsync(Reminder(bed, patient, $"reminder:race:{index}") with { Content = new OutboxContent($"n°{index}") }, default);
            }

            return await db.SaveChangesAsync();
        });
        var first = ActivatorUtilities.CreateInstance<OutboxDispatcher>(bed.App.Services);
        var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(bed.App.Services);

        var claimed = await Task.WhenAll(
            Task.Run(() => first.DispatchDueAsync(default)),
            Task.Run(() => second.DispatchDueAsync(default)));

        claimed.Sum().ShouldBe(300);
        var texts = bed.Connector.Requests.Select(request => request.Body!["text"]!.GetValue<string>()).ToList();
        texts.Count.ShouldBe(300);
        texts.Distinct().Count().ShouldBe(300);
        (await bed.MessagesAsync()).ShouldAllBe(message => message.Status == OutboxStatus.Sent);
    }

    private OutgoingMessage Reminder(Patient patient, string key, ChannelKind channel = ChannelKind.Chat) =>
        Reminder(_bed, patient, key, channel);

    private static OutgoingMessage Reminder(OutboxTestBed bed, Patient patient, string key, ChannelKind channel = ChannelKind.Chat) =>
        new(key, bed.Practice.Id, OutboxPurpose.Reminder, DeliveryTarget.ForPatientChannel(patient.Channels.First(candidate => candidate.Kind == channel)),
            new OutboxContent("Bonjour, un rappel.")
            {
                Subject = "Votre facture",
                Actions = [new OutboxAction("Payer", "pay"), new OutboxAction("J'ai déjà payé", "already-paid")],
            })
        {
            PatientId = patient.Id,
        };
}
