using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Plans;
using RelanceBot.Teams;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Teams;

public sealed class AlertCardActionTests : TeamsChannelTest
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";
    private const string MessageType = "application/vnd.microsoft.activity.message";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Practice.LinkAsync(App, Channel);
    }

    [Fact]
    public async Task OpenAlerts_ArePostedOnceToTheLinkedChannel_AsACardAlone()
    {
        await Practice.RaiseAlertAsync(App, StaffAlertKind.Escalation);
        var before = Connector.Requests.Count;

        (await TeamsPractice.DispatchCardsAsync(App)).ShouldBe(1);
        (await TeamsPractice.DispatchCardsAsync(App)).ShouldBe(0);

        var post = Connector.Requests.Skip(before).ShouldHaveSingleItem();
        post.Method.ShouldBe("POST");
        post.Path.ShouldBe($"/emea/v3/conversations/{Channel.ChannelId}/activities");
        post.Body!["text"].ShouldBeNull();
        var attachment = post.Body["attachments"]!.AsArray().ShouldHaveSingleItem()!;
        attachment["contentType"]!.GetValue<string>().ShouldBe(CardType);
        var card = attachment["content"]!.AsObject();
        await AdaptiveCardSchema.ShouldBeValidAsync(card);
        CardText.Of(card).ShouldContain("Jeanne Martin");
        CardText.Of(card).ShouldContain("123,45");
        CardText.Of(card).ShouldNotContain("Consultation");
    }

    [Fact]
    public async Task ApprovingAPlan_ByStaff_ApprovesThePlan_AndUpdatesTheCardForEveryone()
    {
        var (planId, alertId) = await Practice.RequestPlanAsync(App);
        await TeamsPractice.DispatchCardsAsync(App);
        var before = Connector.Requests.Count;

        var response = await Channel.ExecuteAsync(Practice.AssistantAad, "approve", TeamsPractice.Data(alertId));

        response["statusCode"]!.GetValue<int>().ShouldBe(200);
        response["type"]!.GetValue<string>().ShouldBe(CardType);
        var card = response["value"]!.AsObject();
        CardText.Of(card).ShouldContain("Approuvé par Léa Martin");
        card["actions"].ShouldBeNull();
        await AdaptiveCardSchema.ShouldBeValidAsync(card);

        var alert = await AlertAsync(alertId);
        alert.Status.ShouldBe(StaffAlertStatus.Approved);
        alert.HandledBy.ShouldBe("Léa Martin");
        (await InvoiceAsync()).Status.ShouldBe(InvoiceStatus.UnderPlan);
        (await TeamsPractice.QueryAsync(App, db => db.Set<InstallmentPlan>().SingleAsync(p => p.Id == planId))).Status
            .ShouldBe(InstallmentPlanStatus.Approved);

        var update = Connector.Requests.Skip(before).ShouldHaveSingleItem();
        update.Method.ShouldBe("PUT");
        update.Path.ShouldBe($"/emea/v3/conversations/{Channel.ChannelId}/activities/sent-2");
        CardText.Of(update.Body!["attachments"]![0]!["content"]!).ShouldContain("Approuvé par Léa Martin");
    }

    [Fact]
    public async Task OnePlanRequestOverTwoInvoices_IsOneCard_ListingThemWithTheTotalAndSchedule_AndItsApprovalApprovesBoth()
    {
        await Practice.AddInvoiceAsync(App, "F-2", 8000);
        var (planIds, alertId) = await Practice.RequestPlanAsync(App, "F-1", "F-2");
        planIds.Count.ShouldBe(2);
        var before = Connector.Requests.Count;

        (await TeamsPractice.DispatchCardsAsync(App)).ShouldBe(1);

        var post = Connector.Requests.Skip(before).ShouldHaveSingleItem();
        var card = post.Body!["attachments"]![0]!["content"]!.AsObject();
        await AdaptiveCardSchema.ShouldBeValidAsync(card);
        var text = CardText.Of(card);
        text.ShouldContain("F-1 (123,45 €)");
        text.ShouldContain("F-2 (80,00 €)");
        text.ShouldContain("203,45 €");
        // 123.45 € and 80.00 € in 3: 41.15 + 26.68 the first month, then 41.15 + 26.66 twice; 203.45 € in all.
        text.ShouldContain("67,83 € le 15 mars 2026 + 67,81 € le 15 avril 2026 + 67,81 € le 15 mai 2026");
        text.ShouldContain("Factures");

        var response = await Channel.ExecuteAsync(Practice.AssistantAad, "approve", TeamsPractice.Data(alertId));

        response["statusCode"]!.GetValue<int>().ShouldBe(200);
        CardText.Of(response["value"]!).ShouldContain("Approuvé par Léa Martin");
        (await AlertAsync(alertId)).Status.ShouldBe(StaffAlertStatus.Approved);
        (await TeamsPractice.QueryAsync(App, db => db.Set<InstallmentPlan>().Where(p => planIds.Contains(p.Id)).Select(p => p.Status).ToListAsync()))
            .ShouldBe([InstallmentPlanStatus.Approved, InstallmentPlanStatus.Approved]);
        (await TeamsPractice.QueryAsync(App, db => db.Invoices.Where(i => i.PracticeId == Practice.Id).Select(i => i.Status).ToListAsync()))
            .ShouldAllBe(status => status == InvoiceStatus.UnderPlan);
        var notice = (await PlanNoticesAsync()).ShouldHaveSingleItem();
        notice.Content.Text.ShouldContain("67,83 €");
        notice.Content.Text.ShouldContain("facture F-1, 41,15 €");
        notice.Content.Text.ShouldContain("facture F-2, 26,68 €");
    }

    [Fact]
    public async Task RejectingAPlanRequestOverTwoInvoices_RejectsBoth_ResumesTheirReminders_AndTellsThePatientOnce()
    {
        await Practice.AddInvoiceAsync(App, "F-2", 8000);
        var (planIds, alertId) = await Practice.RequestPlanAsync(App, "F-1", "F-2");
        await TeamsPractice.DispatchCardsAsync(App);
        var data = TeamsPractice.Data(alertId);
        data["reason"] = "Montant trop faible pour un échéancier.";

        var response = await Channel.ExecuteAsync(Practice.AssistantAad, "reject", data);

        response["statusCode"]!.GetValue<int>().ShouldBe(200);
        (await AlertAsync(alertId)).Resolution.ShouldBe("Motif : Montant trop faible pour un échéancier.");
        (await TeamsPractice.QueryAsync(App, db => db.Set<InstallmentPlan>().Where(p => planIds.Contains(p.Id)).Select(p => p.Status).ToListAsync()))
            .ShouldBe([InstallmentPlanStatus.Rejected, InstallmentPlanStatus.Rejected]);
        var invoices = await TeamsPractice.QueryAsync(App, db => db.Invoices.Where(i => i.PracticeId == Practice.Id).ToListAsync());
        invoices.ShouldAllBe(invoice => invoice.Status == InvoiceStatus.Open && invoice.RemindersPausedUntil == null);
        (await PlanNoticesAsync()).ShouldHaveSingleItem().Content.Text.ShouldContain("facture F-2, 80,00 €");
    }

    [Fact]
    public async Task TheAlreadyPaidCard_OverTwoInvoices_OffersPaidAtTheDesk_WhichSettlesBoth()
    {
        await Practice.AddInvoiceAsync(App, "F-2", 8000);
        var alertId = await Practice.ClaimPaidAsync(App, "F-1", "F-2");
        var before = Connector.Requests.Count;
        await TeamsPractice.DispatchCardsAsync(App);
        var card = Connector.Requests.Skip(before).ShouldHaveSingleItem().Body!["attachments"]![0]!["content"]!.AsObject();
        await AdaptiveCardSchema.ShouldBeValidAsync(card);
        CardText.Of(card).ShouldContain("F-1, F-2");
        CardText.Of(card).ShouldContain("203,45 €");
        card["actions"]!.AsArray().Select(action => action!["title"]!.GetValue<string>()).ShouldContain("Payé au cabinet");
        var value = TeamsPractice.Data(alertId);
        value["verb"] = "markPaid";
        value["method"] = "cash";

        await Channel.SubmitAsync(Practice.AssistantAad, value, replyToId: "sent-2");

        var invoices = await TeamsPractice.QueryAsync(App, db => db.Invoices.Where(i => i.PracticeId == Practice.Id).ToListAsync());
        invoices.ShouldAllBe(invoice => invoice.Status == InvoiceStatus.Paid);
        invoices.Sum(invoice => invoice.AmountPaidCents).ShouldBe(20345);
        var alert = await AlertAsync(alertId);
        alert.Status.ShouldBe(StaffAlertStatus.Closed);
        alert.Resolution.ShouldBe("Payé au cabinet (Espèces) : 203,45 €");
    }

    [Fact]
    public async Task ApprovingAPlan_AfterTheInvoiceWasPaidAtTheDesk_CancelsThePlan_TellsStaff_AndNotThePatient()
    {
        var (planId, alertId) = await Practice.RequestPlanAsync(App);
        var deskAlert = await Practice.RaiseAlertAsync(App, StaffAlertKind.AlreadyPaidClaim);
        var paid = TeamsPractice.Data(deskAlert);
        paid["method"] = "cheque";
        await Channel.ExecuteAsync(Practice.AssistantAad, "markPaid", paid);

        var response = await Channel.ExecuteAsync(Practice.PractitionerAad, "approve", TeamsPractice.Data(alertId));

        CardText.Of(response["value"]!).ShouldContain("la facture est déjà réglée");
        (await AlertAsync(alertId)).Status.ShouldBe(StaffAlertStatus.Closed);
        (await TeamsPractice.QueryAsync(App, db => db.Set<InstallmentPlan>().SingleAsync(p => p.Id == planId))).Status
            .ShouldBe(InstallmentPlanStatus.Cancelled);
        (await InvoiceAsync()).Status.ShouldBe(InvoiceStatus.Paid);
        (await TeamsPractice.QueryAsync(App, db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey.StartsWith("plan-")))).ShouldBe(0);
    }

    [Fact]
    public async Task ASecondApproval_ChangesNothing_AndSaysSo()
    {
        var (planId, alertId) = await Practice.RequestPlanAsync(App);
        await Channel.ExecuteAsync(Practice.AssistantAad, "approve", TeamsPractice.Data(alertId));
        var handledAt = (await AlertAsync(alertId)).HandledAt;
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var before = Connector.Requests.Count;

        var second = await Channel.ExecuteAsync(Practice.PractitionerAad, "reject", TeamsPractice.Data(alertId));

        second["type"]!.GetValue<string>().ShouldBe(CardType);
        CardText.Of(second["value"]!).ShouldContain("déjà traitée");
        var alert = await AlertAsync(alertId);
        alert.Status.ShouldBe(StaffAlertStatus.Approved);
        alert.HandledBy.ShouldBe("Léa Martin");
        alert.HandledAt.ShouldBe(handledAt);
        (await TeamsPractice.QueryAsync(App, db => db.Set<InstallmentPlan>().SingleAsync(p => p.Id == planId))).Status
            .ShouldBe(InstallmentPlanStatus.Approved);
        Connector.Requests.Count.ShouldBe(before);
    }

    [Fact]
    public async Task RejectingAPlan_KeepsTheReason_AndTheCadenceResumes()
    {
        var (planId, alertId) = await Practice.RequestPlanAsync(App);
        var data = TeamsPractice.Data(alertId);
        data["reason"] = "Montant trop faible pour trois fois";

        var response = await Channel.ExecuteAsync(Practice.PractitionerAad, "reject", data);

        CardText.Of(response["value"]).ShouldContain("Refusé par Dr Dupont");
        (await AlertAsync(alertId)).Resolution.ShouldBe("Motif : Montant trop faible pour trois fois");
        (await TeamsPractice.QueryAsync(App, db => db.Set<InstallmentPlan>().SingleAsync(p => p.Id == planId))).Status
            .ShouldBe(InstallmentPlanStatus.Rejected);
        (await InvoiceAsync()).Status.ShouldBe(InvoiceStatus.Open);
    }

    [Fact]
    public async Task SomeoneWhoIsNotStaff_IsPolitelyRefused_AndNothingChanges()
    {
        var alertId = await Practice.RaiseAlertAsync(App, StaffAlertKind.PlanApproval, requiresDecision: true);

        var response = await Channel.ExecuteAsync(Guid.NewGuid().ToString(), "approve", TeamsPractice.Data(alertId));

        response["statusCode"]!.GetValue<int>().ShouldBe(200);
        response["type"]!.GetValue<string>().ShouldBe(MessageType);
        response["value"]!.GetValue<string>().ShouldContain("seules les personnes du cabinet");
        (await AlertAsync(alertId)).Status.ShouldBe(StaffAlertStatus.Open);
        (await InvoiceAsync()).Status.ShouldBe(InvoiceStatus.Open);
    }

    [Theory]
    [InlineData(StaffAlertKind.FormalNoticeApproval)]
    [InlineData(StaffAlertKind.CollectionHandOff)]
    public async Task OnlyThePractitioner_DecidesAFormalNoticeOrAHandOff(StaffAlertKind kind)
    {
        var alertId = await Practice.RaiseAlertAsync(App, kind, requiresDecision: true);

        var refused = await Channel.ExecuteAsync(Practice.AssistantAad, "approve", TeamsPractice.Data(alertId));
        refused["type"]!.GetValue<string>().ShouldBe(MessageType);
        refused["value"]!.GetValue<string>().ShouldContain("seul le praticien");
        (await AlertAsync(alertId)).Status.ShouldBe(StaffAlertStatus.Open);

        var rejected = await Channel.ExecuteAsync(Practice.PractitionerAad, "reject", TeamsPractice.Data(alertId));
        rejected["type"]!.GetValue<string>().ShouldBe(CardType);
        (await AlertAsync(alertId)).Status.ShouldBe(StaffAlertStatus.Rejected);
    }

    [Fact]
    public async Task AHandOffApprovedFromTheCardBeforeAnyMiseEnDemeure_IsRefusedWithTheReason_AndNothingChanges()
    {
        var alertId = await Practice.RaiseAlertAsync(App, StaffAlertKind.CollectionHandOff, requiresDecision: true);

        var refused = await Channel.ExecuteAsync(Practice.PractitionerAad, "approve", TeamsPractice.Data(alertId));

        refused["type"]!.GetValue<string>().ShouldBe(MessageType);
        refused["value"]!.GetValue<string>().ShouldContain("Aucune mise en demeure");
        (await AlertAsync(alertId)).Status.ShouldBe(StaffAlertStatus.Open);
        (await InvoiceAsync()).Status.ShouldBe(InvoiceStatus.Open);
    }

    [Fact]
    public async Task ACard_CanNeverActOnAnotherPracticesAlert()
    {
        var other = await TeamsPractice.CreateAsync(App, "Cabinet Martin");
        var foreignAlert = await other.RaiseAlertAsync(App, StaffAlertKind.Escalation);

        var response = await Channel.ExecuteAsync(Practice.AssistantAad, "close", TeamsPractice.Data(foreignAlert));

        response["type"]!.GetValue<string>().ShouldBe(MessageType);
        (await AlertAsync(foreignAlert)).Status.ShouldBe(StaffAlertStatus.Open);
    }

    [Fact]
    public async Task MarkPaidAtTheDesk_FromAnActionSubmit_SettlesTheInvoice_AndUpdatesTheCard()
    {
        var alertId = await Practice.RaiseAlertAsync(App, StaffAlertKind.AlreadyPaidClaim);
        await TeamsPractice.DispatchCardsAsync(App);
        var before = Connector.Requests.Count;
        var value = TeamsPractice.Data(alertId);
        value["verb"] = "markPaid";
        value["method"] = "cheque";

        await Channel.SubmitAsync(Practice.AssistantAad, value, replyToId: "sent-2");

        var invoice = await InvoiceAsync();
        invoice.Status.ShouldBe(InvoiceStatus.Paid);
        invoice.AmountPaidCents.ShouldBe(12345);
        var alert = await AlertAsync(alertId);
        alert.Status.ShouldBe(StaffAlertStatus.Closed);
        alert.Resolution.ShouldBe("Payé au cabinet (Chèque) : 123,45 €");
        var update = Connector.Requests.Skip(before).ShouldHaveSingleItem();
        update.Method.ShouldBe("PUT");
        CardText.Of(update.Body!["attachments"]![0]!["content"]!).ShouldContain("Traité par Léa Martin");
    }

    [Fact]
    public async Task TheDisputeCard_CancelsTheInvoice_WithTheReason_AndRemindersStop()
    {
        var alertId = await Practice.RaiseAlertAsync(App, StaffAlertKind.Dispute);
        await TeamsPractice.DispatchCardsAsync(App);
        var card = await TeamsPractice.QueryAsync(App, db => db.OutboxMessages
            .SingleAsync(message => message.IdempotencyKey == TeamsChannelOutbox.AlertKey(alertId)));
        card.Content.AdaptiveCardJson.ShouldNotBeNull().ShouldContain("Annuler la facture");
        var data = TeamsPractice.Data(alertId);
        data["reason"] = "Facturée deux fois.";

        await Channel.ExecuteAsync(Practice.AssistantAad, "cancelInvoice", data);

        var invoice = await InvoiceAsync();
        invoice.Status.ShouldBe(InvoiceStatus.Cancelled);
        invoice.AcceptsRemindersAt(RelanceBotFactory.Start.AddDays(1)).ShouldBeFalse();
        var alert = await AlertAsync(alertId);
        alert.Status.ShouldBe(StaffAlertStatus.Closed);
        alert.Resolution.ShouldBe("Facture annulée : plus aucune relance. Motif : Facturée deux fois.");
    }

    [Fact]
    public async Task PausingReminders_TakesEffectInTheCadenceAtOnce()
    {
        var alertId = await Practice.RaiseAlertAsync(App, StaffAlertKind.TalkToHuman);
        var data = TeamsPractice.Data(alertId);
        data["days"] = "14";

        await Channel.ExecuteAsync(Practice.AssistantAad, "pauseReminders", data);

        var invoice = await InvoiceAsync();
        invoice.RemindersPausedUntil.ShouldBe(RelanceBotFactory.Start.AddDays(14));
        invoice.AcceptsRemindersAt(RelanceBotFactory.Start.AddDays(1)).ShouldBeFalse();
        (await AlertAsync(alertId)).Resolution!.ShouldStartWith("Relances suspendues 14 jours");
    }

    [Theory]
    [InlineData("pauseReminders", "days", "500")]
    [InlineData("markPaid", "method", "bitcoin")]
    [InlineData("noteCall", "note", "")]
    [InlineData("approve", "x", "y")]
    public async Task ImpossibleActions_AreRefused_AndNothingChanges(string verb, string input, string inputValue)
    {
        var alertId = await Practice.RaiseAlertAsync(App, StaffAlertKind.Dispute);
        var data = TeamsPractice.Data(alertId);
        data[input] = inputValue;

        var response = await Channel.ExecuteAsync(Practice.PractitionerAad, verb, data);

        response["type"]!.GetValue<string>().ShouldBe(MessageType);
        (await AlertAsync(alertId)).Status.ShouldBe(StaffAlertStatus.Open);
    }

    [Fact]
    public async Task NotingACall_ClosesTheAlertWithTheNote()
    {
        var alertId = await Practice.RaiseAlertAsync(App, StaffAlertKind.TalkToHuman);
        var data = TeamsPractice.Data(alertId);
        data["note"] = "Rappelée, elle passe vendredi.";

        var response = await Channel.ExecuteAsync(Practice.AssistantAad, "noteCall", data);

        CardText.Of(response["value"]!).ShouldContain("Rappelée, elle passe vendredi.");
        (await AlertAsync(alertId)).Resolution.ShouldBe("Appel : Rappelée, elle passe vendredi.");
    }

    [Fact]
    public async Task Throttling_IsWaitedOut_ThenTheOutboxRetriesLater()
    {
        await Practice.RaiseAlertAsync(App, StaffAlertKind.Escalation);
        Connector.Enqueue(429, """{"error":{"code":"Throttled"}}""", ("Retry-After", "0"));

        // One 429: the connector client waits Retry-After and the card goes through.
        await TeamsPractice.DispatchCardsAsync(App);
        (await SentCardsAsync()).ShouldBe(1);

        await Practice.RaiseAlertAsync(App, StaffAlertKind.Dispute);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            Connector.Enqueue(429, """{"error":{"code":"Throttled"}}""", ("Retry-After", "0"));
        }

        // Still throttled once the client's retries are spent: the outbox keeps the card and tries again later.
        await TeamsPractice.DispatchCardsAsync(App);
        (await SentCardsAsync()).ShouldBe(1);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await TeamsPractice.DeliverOutboxAsync(App);
        (await SentCardsAsync()).ShouldBe(2);
    }

    private Task<int> SentCardsAsync() => TeamsPractice.QueryAsync(App, db =>
        db.OutboxMessages.CountAsync(m => m.IdempotencyKey.StartsWith("staff-alert:") && m.Status == OutboxStatus.Sent));

    private Task<List<OutboxMessage>> PlanNoticesAsync() => TeamsPractice.QueryAsync(App, db =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Purpose == OutboxPurpose.PlanConfirmation).ToListAsync());

    private Task<StaffAlert> AlertAsync(Guid id) => TeamsPractice.QueryAsync(App, db => db.StaffAlerts.SingleAsync(a => a.Id == id));

    private Task<Invoice> InvoiceAsync()
        => TeamsPractice.QueryAsync(App, db => db.Invoices.SingleAsync(i => i.PracticeId == Practice.Id && i.ExternalReference == "F-1"));
}
