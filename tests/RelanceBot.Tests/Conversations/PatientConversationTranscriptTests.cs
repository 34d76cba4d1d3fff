using System.Net;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Plans;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Conversations;

/// <summary>Whole conversations through <c>POST /api/messages</c> on the real app, SQLite file and fake clock.</summary>
public sealed class PatientConversationTranscriptTests : IAsyncLifetime
{
    private readonly RelanceBotFactory _app = new();
    private PatientScenario _scenario = null!;
    private PatientChat _chat = null!;

    public async Task InitializeAsync()
    {
        _scenario = await PatientScenario.CreateAsync(_app);
        _chat = new PatientChat(_app);
        (await _chat.SayAsync(_scenario.LinkToken)).ShouldContain("Merci Jeanne");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Greeting_ShowsTheMenuOfEveryPathAsButtons()
    {
        var replies = await _chat.SendAsync("bonjour");

        replies.Count.ShouldBe(1);
        PatientChat.Read(replies).ShouldContain("que souhaitez-vous faire");
        PatientChat.SuggestedTitles(replies[0]).ShouldBe(
        [
            "Payer maintenant", "Payer en plusieurs fois", "Payer plus tard", "J'ai déjà payé", "Contester la facture",
            "Je ne peux pas payer", "Voir le détail", "Parler à quelqu'un", "Ne plus recevoir de messages",
        ]);
    }

    [Fact]
    public async Task PayNow_SendsThePaymentLink()
    {
        var text = await _chat.SayAsync("je veux payer maintenant");

        var invoiceId = await InvoiceIdAsync("F-1");
        text.ShouldContain(await PatientScenario.PayLinkAsync(_app, invoiceId));
        text.ShouldContain("123,45");
    }

    [Fact]
    public async Task Installments_TermsThenScheduleThenConfirmation_RaiseAPlanRequestWithThePatientsWords()
    {
        var terms = await _chat.SendAsync("je voudrais payer en plusieurs fois");
        PatientChat.Read(terms).ShouldContain("en 2 ou 3 fois");
        PatientChat.SuggestedTitles(terms[^1]).ShouldBe(["En 2 fois", "En 3 fois"]);

        var schedule = await _chat.SayAsync("En 3 fois");
        schedule.ShouldContain("1. 41,15 € le 2 mars 2026");
        schedule.ShouldContain("2. 41,15 € le 2 avril 2026");
        schedule.ShouldContain("3. 41,15 € le 2 mai 2026");

        (await _chat.SayAsync("oui")).ShouldContain("transmise au cabinet pour accord");
        var plan = await PatientScenario.QueryAsync(_app, db => db.Set<InstallmentPlan>().Include(p => p.Installments).SingleAsync());
        plan.Status.ShouldBe(InstallmentPlanStatus.Requested);
        plan.InvoiceId.ShouldBe(await InvoiceIdAsync("F-1"));
        plan.PatientWords.ShouldBe("« je voudrais payer en plusieurs fois » → « oui »");
        plan.RequestedAt.ShouldBe(_app.Clock.GetUtcNow());
        plan.Installments.OrderBy(i => i.Number).Select(i => (i.AmountCents, i.DueDate))
            .ShouldBe([(4115L, new DateOnly(2026, 3, 2)), (4115L, new DateOnly(2026, 4, 2)), (4115L, new DateOnly(2026, 5, 2))]);
        var alert = await SingleAlertAsync(StaffAlertKind.PlanApproval);
        plan.ApprovalAlertId.ShouldBe(alert.Id);
        alert.RequiresDecision.ShouldBeTrue();
        alert.PatientWords.ShouldBe(plan.PatientWords);
    }

    [Fact]
    public async Task Installments_AcceptedInChatThenApprovedByStaff_TellThePatientTheOutcome()
    {
        await _chat.SayAsync("je voudrais payer en 3 fois");
        await _chat.SayAsync("oui");
        var planId = await PatientScenario.QueryAsync(_app, db => db.Set<InstallmentPlan>().Select(p => p.Id).SingleAsync());

        using var api = _app.CreateApiClient(_scenario.Practice.ApiKey);
        using var approved = await api.PostAsync($"/api/v1/plans/{planId}/approve", null);

        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var outcome = await PatientScenario.QueryAsync(_app, db =>
            db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == $"plan-approved:{planId}"));
        outcome.PatientId.ShouldBe(_scenario.PatientId);
        outcome.Status.ShouldBe(OutboxStatus.Pending);
        outcome.Content.Text.ShouldContain("41,15");
        (await SingleAlertAsync(StaffAlertKind.PlanApproval)).Status.ShouldBe(StaffAlertStatus.Approved);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task Installments_OverTwoInvoices_AreOneRequest_OneAlert_DecidedAtOnce_AndThePatientIsToldOnce(string decision)
    {
        await using var app = new RelanceBotFactory();
        var scenario = await PatientScenario.CreateAsync(app, invoices: [("F-1", 12345), ("F-2", 8000)]);
        var chat = new PatientChat(app);
        await chat.SayAsync(scenario.LinkToken);
        (await chat.SayAsync("je voudrais payer en 2 fois")).ShouldContain("1. 101,73 € le 2 mars 2026");

        (await chat.SayAsync("oui")).ShouldContain("transmise au cabinet pour accord");

        var alert = await PatientScenario.QueryAsync(app, db => db.StaffAlerts.SingleAsync(a => a.Kind == StaffAlertKind.PlanApproval));
        var plans = await PatientScenario.QueryAsync(app, db => db.Set<InstallmentPlan>().AsNoTracking().ToListAsync());
        plans.Count.ShouldBe(2);
        plans.ShouldAllBe(plan => plan.ApprovalAlertId == alert.Id);
        alert.CoveredInvoiceIds.ShouldBe(plans.Select(plan => plan.InvoiceId), ignoreOrder: true);
        alert.Summary.ShouldBe(
            "Demande de paiement en 2 fois des factures F-1 (123,45 €), F-2 (80,00 €), soit 203,45 € en tout (101,73 € le 2 mars 2026 + 101,72 € le 2 avril 2026).");

        using var api = app.CreateApiClient(scenario.Practice.ApiKey);
        var listed = (await (await api.GetAsync("/api/v1/alerts?kind=PlanApproval")).ReadJsonAsync())["items"]!.AsArray().ShouldHaveSingleItem()!;
        listed["invoiceIds"]!.AsArray().Select(id => id!.GetValue<Guid>()).ShouldBe(alert.CoveredInvoiceIds, ignoreOrder: true);
        using var decided = await api.PostAsync($"/api/v1/alerts/{alert.Id}/{decision}", null);

        decided.StatusCode.ShouldBe(HttpStatusCode.NoContent, await decided.Content.ReadAsStringAsync());
        var expected = decision == "approve" ? InstallmentPlanStatus.Approved : InstallmentPlanStatus.Rejected;
        (await PatientScenario.QueryAsync(app, db => db.Set<InstallmentPlan>().Select(p => p.Status).ToListAsync())).ShouldBe([expected, expected]);
        var notice = (await PatientScenario.QueryAsync(app, db =>
            db.OutboxMessages.AsNoTracking().Where(m => m.Purpose == OutboxPurpose.PlanConfirmation).ToListAsync())).ShouldHaveSingleItem();
        notice.Content.Text.ShouldContain(await PatientScenario.PayLinkAsync(app, plans[0].InvoiceId));
        notice.Content.Text.ShouldContain(await PatientScenario.PayLinkAsync(app, plans[1].InvoiceId));
        using var again = await api.PostAsync($"/api/v1/plans/{plans[1].Id}/{decision}", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Installments_OverThePracticesPlanLimit_RecordNothingAndPointToAPerson()
    {
        await using var app = new RelanceBotFactory();
        app.Settings["Plans:MaxPlanAmountCents"] = "10000";
        var scenario = await PatientScenario.CreateAsync(app);
        var chat = new PatientChat(app);
        await chat.SayAsync(scenario.LinkToken);
        await chat.SayAsync("je voudrais payer en 3 fois");

        (await chat.SayAsync("oui")).ShouldContain("Je ne peux pas enregistrer cet échéancier");

        (await PatientScenario.QueryAsync(app, db => db.Set<InstallmentPlan>().CountAsync())).ShouldBe(0);
        (await PatientScenario.QueryAsync(app, db => db.StaffAlerts.CountAsync(a => a.Kind == StaffAlertKind.PlanApproval))).ShouldBe(0);
    }

    [Fact]
    public async Task Installments_WithTheCountInTheFirstMessage_GoStraightToTheSchedule()
    {
        var schedule = await _chat.SayAsync("je peux payer en 2 fois ?");

        schedule.ShouldContain("1. 61,73 € le 2 mars 2026");
        schedule.ShouldContain("2. 61,72 € le 2 avril 2026");
    }

    [Fact]
    public async Task Stop_InTheMiddleOfAPlan_OptsOutAtOnceAndDropsThePlan()
    {
        await _chat.SayAsync("je voudrais payer en 3 fois");

        (await _chat.SayAsync("STOP")).ShouldContain("vous ne recevrez plus de messages ici");

        // A Web Chat tab is never a channel for later messages (the patient will not be there): nothing else stops.
        (await PatientScenario.QueryAsync(_app, db => db.PatientChannels.CountAsync(c => c.OptedOutAt != null))).ShouldBe(0);
        (await SingleAlertAsync(StaffAlertKind.OptOut)).PatientWords.ShouldBe("STOP");
        (await PatientScenario.QueryAsync(_app, db => db.StaffAlerts.CountAsync(a => a.Kind == StaffAlertKind.PlanApproval))).ShouldBe(0);
        (await PatientScenario.QueryAsync(_app, db => db.Set<InstallmentPlan>().CountAsync())).ShouldBe(0);

        // The plan's question is gone: the next question is whether the e-mails stop too.
        (await _chat.SayAsync("non")).ShouldContain("seuls les messages ici s'arrêtent");
        (await PatientScenario.QueryAsync(_app, db => db.PatientChannels.CountAsync(c => c.OptedOutAt != null))).ShouldBe(0);
        (await PatientScenario.QueryAsync(_app, db => db.Set<InstallmentPlan>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Stop_ThenEverything_OptsOutEveryChannelOfThePatient()
    {
        var answer = await _chat.SayAsync("stop");

        answer.ShouldContain("vous ne recevrez plus de messages ici");
        answer.ShouldContain("ni par SMS ni par e-mail ?");
        (await PatientScenario.QueryAsync(_app, db => db.PatientChannels.CountAsync(c => c.OptedOutAt != null))).ShouldBe(0);

        (await _chat.SayAsync("oui")).ShouldContain("vous ne recevrez plus aucun message, sur aucun canal");

        (await PatientScenario.QueryAsync(_app, db => db.PatientChannels.CountAsync(c => c.OptedOutAt == null))).ShouldBe(0);
        (await PatientScenario.QueryAsync(_app, db => db.PatientChannels.CountAsync())).ShouldBeGreaterThan(0);
        var alerts = await PatientScenario.QueryAsync(_app, db => db.StaffAlerts.Where(a => a.Kind == StaffAlertKind.OptOut).Select(a => a.Summary).ToListAsync());
        alerts.ShouldContain(summary => summary.Contains("tous les canaux"));
    }

    [Fact]
    public async Task Help_InTheMiddleOfAPlan_ExplainsAndAsksTheSameQuestionAgain()
    {
        await _chat.SayAsync("je voudrais payer en 3 fois");

        var help = await _chat.SayAsync("aide");

        help.ShouldContain("STOP");
        help.ShouldContain("Confirmez-vous cet échéancier ?");
        (await _chat.SayAsync("oui")).ShouldContain("transmise au cabinet pour accord");
    }

    [Fact]
    public async Task Defer_ToADateWithinTheLimit_IsConfirmedThenPausesRemindersWithThePatientsWords()
    {
        (await _chat.SayAsync("je paierai le 20 mars")).ShouldContain("vous réglerez le 20 mars 2026");

        (await _chat.SayAsync("oui c'est ça")).ShouldContain("règlement prévu le 20 mars 2026");

        var invoice = await InvoiceAsync("F-1");
        invoice.RemindersPausedUntil.ShouldBe(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.FromHours(1)));
        var deferral = await PatientScenario.QueryAsync(_app, db => db.Set<PaymentDeferral>().SingleAsync());
        deferral.InvoiceId.ShouldBe(invoice.Id);
        deferral.PatientId.ShouldBe(_scenario.PatientId);
        deferral.PayOn.ShouldBe(new DateOnly(2026, 3, 20));
        deferral.PatientWords.ShouldBe("« je paierai le 20 mars » → « oui c'est ça »");
        deferral.RecordedAt.ShouldBe(_app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Defer_BeyondThePracticesOwnHorizon_RecordsNothingAndPointsToAPerson()
    {
        await using var app = new RelanceBotFactory();
        app.Settings["Plans:MaxDeferralDays"] = "10";
        var scenario = await PatientScenario.CreateAsync(app);
        var chat = new PatientChat(app);
        await chat.SayAsync(scenario.LinkToken);
        await chat.SayAsync("je paierai le 20 mars");

        (await chat.SayAsync("oui")).ShouldContain("Je ne peux pas enregistrer cette date");

        (await PatientScenario.QueryAsync(app, db => db.Set<PaymentDeferral>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task ConcurrentTurnsOfOneConversation_AreAllAnswered_OneAfterTheOther()
    {
        // PatientChat fails on any status but 2xx: a lost race on the dialog state would be a 500.
        var turns = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _chat.SendAsync("je voudrais payer en plusieurs fois")));

        turns.ShouldAllBe(replies => replies.Count > 0);
        // Whichever ran first started the plan; the others were taken as answers to its question.
        turns.ShouldContain(replies => PatientChat.Read(replies).Contains("en 2 ou 3 fois"));
        (await _chat.SayAsync("En 2 fois")).ShouldContain("Voici l'échéancier en 2 fois");
    }

    [Fact]
    public async Task Defer_BeyondTheLimit_AsksForAnotherDateUntilOneFits()
    {
        var ask = await _chat.SayAsync("je paierai le 15 juin");
        ask.ShouldContain("À quelle date");
        ask.ShouldContain("1 avril 2026");

        (await _chat.SayAsync("le 10 mai")).ShouldContain("jusqu'au 1 avril 2026");
        (await _chat.SayAsync("le 25")).ShouldContain("vous réglerez le 25 mars 2026");
    }

    [Fact]
    public async Task AlreadyPaid_AsksHowAndWhen_PausesRemindersAndAsksStaffToCheck()
    {
        (await _chat.SayAsync("j'ai déjà payé")).ShouldContain("Comment et quand");

        (await _chat.SayAsync("par chèque le 25 février")).ShouldContain("Le cabinet va vérifier");

        var alert = await SingleAlertAsync(StaffAlertKind.AlreadyPaidClaim);
        alert.PatientWords!.ShouldContain("par chèque le 25 février");
        (await InvoiceAsync("F-1")).AcceptsRemindersAt(_app.Clock.GetUtcNow().AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public async Task Dispute_AsksTheReason_StopsRemindersAndAlertsStaff()
    {
        (await _chat.SayAsync("je conteste cette facture")).ShouldContain("ce qui ne va pas");

        (await _chat.SayAsync("j'ai été facturée deux fois")).ShouldContain("les rappels sont suspendus");

        (await InvoiceAsync("F-1")).Status.ShouldBe(InvoiceStatus.Disputed);
        (await SingleAlertAsync(StaffAlertKind.Dispute)).PatientWords!.ShouldContain("facturée deux fois");
    }

    [Fact]
    public async Task Hardship_IsMetKindly_AndThreeInstallmentsLeadToTheSchedule()
    {
        var offer = await _chat.SendAsync("c'est difficile en ce moment, je n'ai pas d'argent");
        PatientChat.Read(offer).ShouldContain("Rien ne presse");
        PatientChat.SuggestedTitles(offer[^1]).ShouldBe(["En 3 fois", "Être rappelé", "Pas maintenant"]);

        (await _chat.SayAsync("En 3 fois")).ShouldContain("3. 41,15 € le 2 mai 2026");
    }

    [Fact]
    public async Task InvoiceDetails_GiveAmountDateAndPractitioner_NeverTheCare()
    {
        var text = await _chat.SayAsync("c'est pour quoi cette facture ?");

        text.ShouldContain("F-1");
        text.ShouldContain("1 février 2026");
        text.ShouldContain("Dr Dupont");
        text.ShouldContain("123,45");
        text.ShouldContain(await PatientScenario.PayLinkAsync(_app, await InvoiceIdAsync("F-1")));
        text.ShouldNotContain("Consultation");
    }

    [Fact]
    public async Task TalkToHuman_AlertsStaffAndSaysWhenToExpectTheCall()
    {
        (await _chat.SayAsync("je voudrais parler à quelqu'un")).ShouldContain("heures d'ouverture");

        (await SingleAlertAsync(StaffAlertKind.TalkToHuman)).PatientWords.ShouldBe("je voudrais parler à quelqu'un");
    }

    [Fact]
    public async Task TalkToHuman_SaysThePracticesOwnOpeningHours()
    {
        var practice = await TestPractice.CreateAsync(_app, "Cabinet Lefèvre", openingHours: "du mardi au samedi, de 8 h à 12 h");
        var scenario = await PatientScenario.AddPatientAsync(_app, practice, "P-H", "Martin");
        var chat = new PatientChat(_app);
        await chat.SayAsync(scenario.LinkToken);

        var text = await chat.SayAsync("je voudrais parler à quelqu'un");

        text.ShouldContain("pendant ses heures d'ouverture (du mardi au samedi, de 8 h à 12 h)");
        text.ShouldNotContain("9 h");
    }

    [Fact]
    public async Task TalkToHuman_InTheMiddleOfADispute_IsHeardInsteadOfTakenAsTheReason()
    {
        await _chat.SayAsync("je conteste cette facture");

        (await _chat.SayAsync("je veux parler à quelqu'un")).ShouldContain("le cabinet va vous rappeler");

        (await InvoiceAsync("F-1")).Status.ShouldBe(InvoiceStatus.Open);
        (await SingleAlertAsync(StaffAlertKind.TalkToHuman)).PatientWords.ShouldBe("je veux parler à quelqu'un");
    }

    [Fact]
    public async Task EnglishClient_OfAFrenchPatient_IsAnsweredInFrench_UntilThePatientWritesEnglish()
    {
        var english = new PatientChat(_app, locale: "en-GB");
        var scenario = await PatientScenario.AddPatientAsync(_app, _scenario.Practice, "P-EN", "Smith", ("F-EN", 5000));
        await english.SayAsync(scenario.LinkToken);

        PatientChat.Read(await english.SendAsync("hello")).ShouldContain("que souhaitez-vous faire ?");

        (await english.SayAsync("I would like to pay in 3 installments please")).ShouldContain("Here is the schedule in 3 instalments");
    }

    [Fact]
    public async Task AbandonedDialog_Expires_AndTheNextMessageStartsAfresh()
    {
        await _chat.SayAsync("je voudrais payer en plusieurs fois");
        _app.Clock.Advance(TimeSpan.FromHours(13));

        var text = await _chat.SayAsync("3");

        text.ShouldContain("a expiré");
        text.ShouldNotContain("Voici l'échéancier");
    }

    private Task<Guid> InvoiceIdAsync(string reference) => PatientScenario.QueryAsync(_app, db =>
        db.Invoices.Where(i => i.PracticeId == _scenario.Practice.Id && i.ExternalReference == reference).Select(i => i.Id).SingleAsync());

    private Task<Invoice> InvoiceAsync(string reference) => PatientScenario.QueryAsync(_app, db =>
        db.Invoices.SingleAsync(i => i.PracticeId == _scenario.Practice.Id && i.ExternalReference == reference));

    private Task<StaffAlert> SingleAlertAsync(StaffAlertKind kind)
        => PatientScenario.QueryAsync(_app, db => db.StaffAlerts.SingleAsync(a => a.Kind == kind && a.PatientId == _scenario.PatientId));
}
