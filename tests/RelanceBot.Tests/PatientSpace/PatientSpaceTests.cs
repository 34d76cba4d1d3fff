using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Plans;
using RelanceBot.Tests.Payments;
using RelanceBot.Tests.TestHost;
using Shouldly;
using Xunit;

namespace RelanceBot.Tests.PatientSpace;

/// <summary>
/// The patient space over real HTTP: what it shows and hides, each choice recorded through the chat's use cases,
/// the date-of-birth gate and its per-patient limit, the chat's token, and a clear 4xx for every bad request.
/// </summary>
public sealed class PatientSpaceTests : IAsyncLifetime
{
    private PaymentsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PaymentsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheSpace_ShowsWhatTheReminderSaid_NeverTheCare_InThePatientsLanguageWithASwitch()
    {
        var path = await _host.PayLinkPathAsync(await _host.CreateInvoiceAsync("F-1", 12345));

        var french = await _host.Browser.GetStringAsync(path);
        var english = await _host.Browser.GetStringAsync(path + "?lang=en");

        french.ShouldContain("123,45 €");
        french.ShouldContain("Bonjour Jeanne");
        french.ShouldContain("Cabinet Dupont");
        french.ShouldContain("F-1");
        french.ShouldContain("1 mars 2026");
        french.ShouldContain("hreflang=\"en\"");
        french.ShouldNotContain("Consultation", Case.Insensitive);
        english.ShouldContain("Left to pay");
        english.ShouldContain("<html lang=\"en\"");
        english.ShouldNotContain("Consultation", Case.Insensitive);
    }

    [Fact]
    public async Task Installments_ShowTheExactSchedule_ThenTheRequestReachesStaffAndPausesReminders()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-9", 10000);
        var path = await _host.PayLinkPathAsync(invoiceId);

        var schedule = await _host.Browser.GetStringAsync(path + "/installments?count=3");
        using var requested = await _host.PostSpaceFormAsync(path, "installments", new Dictionary<string, string> { ["count"] = "3" });

        schedule.ShouldContain("33,34 € le 2 mars 2026");
        schedule.ShouldContain("33,33 € le 2 avril 2026");
        schedule.ShouldContain("33,33 € le 2 mai 2026");
        requested.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var plan = await _host.InScopeAsync(db => db.Set<InstallmentPlan>().Include(p => p.Installments).SingleAsync());
        plan.Status.ShouldBe(InstallmentPlanStatus.Requested);
        plan.Installments.Select(i => i.AmountCents).ShouldBe([3334, 3333, 3333], ignoreOrder: true);
        var alert = await _host.InScopeAsync(db => db.StaffAlerts.SingleAsync(a => a.Kind == StaffAlertKind.PlanApproval));
        alert.PatientWords.ShouldBe("Espace patient : payer en 3 fois (33,34 € le 2 mars 2026 + 33,33 € le 2 avril 2026 + 33,33 € le 2 mai 2026)");
        (await _host.InvoiceAsync(invoiceId)).AcceptsRemindersAt(_host.App.Clock.GetUtcNow()).ShouldBeFalse("reminders wait for the practice's decision");
    }

    [Fact]
    public async Task Installments_AskedInTheSpace_AreOneRequestForItsInvoice_WhichStaffApproveThroughTheAlertsApi()
    {
        // The space speaks for the invoice its link names: the patient's other invoice is not part of its request.
        var invoiceId = await _host.CreateInvoiceAsync("F-9", 10000);
        var otherId = await _host.CreateInvoiceAsync("F-10", 6000);
        using var requested = await _host.PostSpaceFormAsync(await _host.PayLinkPathAsync(invoiceId), "installments", new Dictionary<string, string> { ["count"] = "3" });
        requested.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var alert = await _host.InScopeAsync(db => db.StaffAlerts.SingleAsync(a => a.Kind == StaffAlertKind.PlanApproval));
        alert.CoveredInvoiceIds.ShouldBe([invoiceId]);
        alert.Summary.ShouldBe("Demande de paiement en 3 fois de la facture F-9 (33,34 € le 2 mars 2026 + 33,33 € le 2 avril 2026 + 33,33 € le 2 mai 2026).");

        using var approved = await _host.Api.PostAsync($"/api/v1/alerts/{alert.Id}/approve", null);

        approved.StatusCode.ShouldBe(HttpStatusCode.NoContent, await approved.Content.ReadAsStringAsync());
        (await _host.InScopeAsync(db => db.Set<InstallmentPlan>().SingleAsync())).Status.ShouldBe(InstallmentPlanStatus.Approved);
        (await _host.InvoiceAsync(invoiceId)).Status.ShouldBe(InvoiceStatus.UnderPlan);
        (await _host.InvoiceAsync(otherId)).Status.ShouldBe(InvoiceStatus.Open);
        _host.Notices.Notices.ShouldHaveSingleItem().Kind.ShouldBe(PatientNoticeKind.PlanApproved);
        (await _host.InScopeAsync(db => db.StaffAlerts.SingleAsync(a => a.Id == alert.Id))).Status.ShouldBe(StaffAlertStatus.Approved);
    }

    [Fact]
    public async Task PayLater_WithinTheLimit_IsRecordedWithTheWordsAndPausesReminders_BeyondItIs400()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-2", 5000);
        var path = await _host.PayLinkPathAsync(invoiceId);

        using var tooFar = await _host.PostSpaceFormAsync(path, "later", new Dictionary<string, string> { ["date"] = "2026-06-01" });
        using var agreed = await _host.PostSpaceFormAsync(path, "later", new Dictionary<string, string> { ["date"] = "2026-03-20" });

        tooFar.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooFar.Content.ReadAsStringAsync()).ShouldContain("Choisissez une date entre le 3 mars 2026 et le 1 avril 2026");
        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        agreed.Headers.Location!.OriginalString.ShouldContain("done=later&date=2026-03-20");
        var deferral = await _host.InScopeAsync(db => db.Set<PaymentDeferral>().SingleAsync());
        deferral.PatientWords.ShouldBe("Espace patient : payer le 20 mars 2026");
        (await _host.InvoiceAsync(invoiceId)).AcceptsRemindersAt(_host.App.Clock.GetUtcNow()).ShouldBeFalse();
        var confirmation = await _host.Browser.GetStringAsync(agreed.Headers.Location!.OriginalString);
        confirmation.ShouldContain("règlement prévu le 20 mars 2026");
    }

    [Fact]
    public async Task AlreadyPaid_PausesRemindersAndTellsStaffWithHowAndWhen()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-3", 5000);
        var path = await _host.PayLinkPathAsync(invoiceId);

        using var response = await _host.PostSpaceFormAsync(path, "already-paid", new Dictionary<string, string>
        {
            ["how"] = "check", ["date"] = "2026-02-20", ["note"] = "remis à l'accueil",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var alert = await _host.InScopeAsync(db => db.StaffAlerts.SingleAsync(a => a.Kind == StaffAlertKind.AlreadyPaidClaim));
        alert.InvoiceId.ShouldBe(invoiceId);
        alert.PatientWords.ShouldBe("Espace patient : déjà payé (Chèque, le 20 février 2026) « remis à l'accueil »");
        (await _host.InvoiceAsync(invoiceId)).AcceptsRemindersAt(_host.App.Clock.GetUtcNow()).ShouldBeFalse();
    }

    [Fact]
    public async Task CallBack_WithoutANumberOnFile_AsksForOne_AndStaffGetIt()
    {
        (await _host.Api.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient(phone: null))).EnsureSuccessStatusCode();
        (await _host.Api.PutJsonAsync("/api/v1/invoices/F-4", Requests.Invoice("P-1", 5000))).EnsureSuccessStatusCode();
        var invoiceId = await _host.InScopeAsync(db => db.Invoices.Where(i => i.ExternalReference == "F-4").Select(i => i.Id).SingleAsync());
        var path = await _host.PayLinkPathAsync(invoiceId);

        (await _host.Browser.GetStringAsync(path)).ShouldContain("name=\"phone\"");
        using var missing = await _host.PostSpaceFormAsync(path, "call", new Dictionary<string, string>());
        using var invalid = await _host.PostSpaceFormAsync(path, "call", new Dictionary<string, string> { ["phone"] = "12" });
        using var given = await _host.PostSpaceFormAsync(path, "call", new Dictionary<string, string> { ["phone"] = "06 98 76 54 32" });

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("pas valide");
        given.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var alert = await _host.InScopeAsync(db => db.StaffAlerts.SingleAsync(a => a.Kind == StaffAlertKind.TalkToHuman));
        alert.Summary.ShouldContain("au 06 98 76 54 32", customMessage: "a French number in national form");
        alert.PatientWords.ShouldBe("Espace patient : être appelé");
        (await _host.InvoiceAsync(invoiceId)).AcceptsRemindersAt(_host.App.Clock.GetUtcNow()).ShouldBeFalse(
            customMessage: "no reminder while the patient waits for the practice's call");
    }

    [Fact]
    public async Task Stop_OneChannelOrEverything_OptsOutExactlyWhatWasChosen()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-5", 5000);
        var path = await _host.PayLinkPathAsync(invoiceId);
        var sms = await _host.InScopeAsync(db => db.PatientChannels.SingleAsync(c => c.Kind == ChannelKind.Sms));

        using var one = await _host.PostSpaceFormAsync(path, "stop", new Dictionary<string, string> { ["scope"] = sms.Id.ToString("N") });
        var afterOne = await _host.InScopeAsync(db => db.PatientChannels.AsNoTracking().ToListAsync());
        using var all = await _host.PostSpaceFormAsync(path, "stop", new Dictionary<string, string> { ["scope"] = "all" });
        var afterAll = await _host.InScopeAsync(db => db.PatientChannels.AsNoTracking().ToListAsync());

        one.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterOne.Single(c => c.Kind == ChannelKind.Sms).IsOptedOut.ShouldBeTrue();
        afterOne.Single(c => c.Kind == ChannelKind.Email).IsOptedOut.ShouldBeFalse();
        (await _host.Browser.GetStringAsync(one.Headers.Location!.OriginalString)).ShouldContain("Les SMS au");
        all.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterAll.ShouldAllBe(c => c.IsOptedOut);
        var alerts = await _host.InScopeAsync(db => db.StaffAlerts.Where(a => a.Kind == StaffAlertKind.OptOut).Select(a => a.Summary).ToListAsync());
        alerts.ShouldContain(summary => summary.Contains("tous les canaux"));
    }

    [Fact]
    public async Task Details_NeedTheBirthDate_AndFailuresAreCountedPerPatientNotPerBrowser()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-6", 5000);
        (await _host.Api.PutJsonAsync("/api/v1/invoices/F-OLD", Requests.Invoice("P-1", 2000, amountPaidCents: 2000))).EnsureSuccessStatusCode();
        var path = await _host.PayLinkPathAsync(invoiceId);

        using var withoutProof = await _host.Browser.GetAsync(path + "/details");
        withoutProof.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // A fresh browser each time: new cookies, same patient.
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.Browser.BaseAddress };
            using var wrong = await _host.PostSpaceFormAsync(path, "details", new Dictionary<string, string> { ["birthDate"] = $"1990-01-0{attempt + 1}" }, browser);
            statuses.Add(wrong.StatusCode);
        }

        using var rightButLocked = await _host.PostSpaceFormAsync(path, "details", new Dictionary<string, string> { ["birthDate"] = "1980-02-03" });

        statuses.ShouldBe([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests]);
        rightButLocked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await _host.InScopeAsync(db => db.StaffAlerts.CountAsync(a => a.Kind == StaffAlertKind.IdentityCheckLocked))).ShouldBe(1);

        _host.App.Clock.Advance(TimeSpan.FromHours(2));
        using var right = await _host.PostSpaceFormAsync(path, "details", new Dictionary<string, string> { ["birthDate"] = "1980-02-03" });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await _host.Browser.GetStringAsync(right.Headers.Location!.OriginalString);
        details.ShouldContain("F-OLD");
        details.ShouldContain("Réglée");
        details.ShouldNotContain("Consultation", Case.Insensitive);
    }

    [Theory]
    [InlineData("pay", "")]
    [InlineData("installments", "count=7")]
    [InlineData("installments", "count=abc")]
    [InlineData("later", "date=demain")]
    [InlineData("later", "date=2026-03-01")]
    [InlineData("already-paid", "how=bitcoin&date=2026-02-20")]
    [InlineData("already-paid", "how=card&date=2031-01-01")]
    [InlineData("contest", "reason=")]
    [InlineData("hardship", "choice=maybe")]
    [InlineData("stop", "scope=everything-please")]
    [InlineData("details", "birthDate=03%2F02%2F1980x")]
    public async Task BadInput_IsA4xxPageNamingTheProblem_NeverA500(string action, string body)
    {
        var path = await _host.PayLinkPathAsync(await _host.CreateInvoiceAsync("F-7", 5000));
        var fields = body.Length == 0 ? [] : body.Split('&').Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));

        using var noToken = await _host.Browser.PostAsync($"{path}/{action}", new FormUrlEncodedContent(fields));
        using var json = await _host.Browser.PostAsync($"{path}/{action}", JsonContent.Create(new { x = 1 }));
        using var unknownLink = await _host.Browser.PostAsync($"/p/{new string('A', PaymentLink.TokenLength)}/{action}", new FormUrlEncodedContent(fields));

        noToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noToken.Content.ReadAsStringAsync()).ShouldContain("formulaire a expiré");
        json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        unknownLink.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknownLink.Content.ReadAsStringAsync()).ShouldContain("Lien introuvable");
        if (action != "pay")
        {
            using var withToken = await _host.PostSpaceFormAsync(path, action, fields);
            ((int)withToken.StatusCode).ShouldBeInRange(400, 499);
            (await withToken.Content.ReadAsStringAsync()).ShouldContain("role=\"alert\"");
        }

        (await _host.InScopeAsync(db => db.StaffAlerts.AnyAsync())).ShouldBeFalse("nothing is recorded from a refused request");
    }

    [Fact]
    public async Task TheChatGrant_IsAConversationBoundToThePatient_TheBotGreetsThemByName()
    {
        var path = await _host.PayLinkPathAsync(await _host.CreateInvoiceAsync("F-8", 5000));
        var page = await _host.Browser.GetStringAsync(path);
        using var refused = await _host.Browser.PostAsync(path + "/chat", null);
        using var request = new HttpRequestMessage(HttpMethod.Post, path + "/chat");
        request.Headers.Add("RequestVerificationToken", PaymentsTestHost.AntiforgeryField(page));
        using var granted = await _host.Browser.SendAsync(request);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        granted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var grant = await granted.Content.ReadFromJsonAsync<JsonObject>();
        grant!["domain"].ShouldBeNull();
        grant["locale"]!.GetValue<string>().ShouldBe("fr-FR");
        using var directLine = new HttpClient { BaseAddress = _host.Browser.BaseAddress };
        directLine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", grant["token"]!.GetValue<string>());
        using var started = await directLine.PostAsync("/v3/directline/conversations", null);
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>();
        var activities = await directLine.GetFromJsonAsync<JsonObject>($"/v3/directline/conversations/{conversationId}/activities");
        var greeting = activities!["activities"]!.AsArray().Select(a => a!["text"]?.GetValue<string>()).First(text => text is not null)!;
        greeting.ShouldContain("Bonjour Jeanne");
        greeting.ShouldContain("50,00 €");
    }
}
