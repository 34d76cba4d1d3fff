using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Reminders;
using RelanceBot.Teams.Alerts;
using RelanceBot.Tests.Documents;
using RelanceBot.Tests.Outbox.TestInfrastructure;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Collection;

/// <summary>
/// The end of the ladder on the real app, a SQLite file and a local SMTP server: the hand-off proposal, the practitioner's
/// approval (refused until the mise en demeure's deadline has passed), the collection file, and what comes after.
/// </summary>
public sealed class CollectionHandOffTests : IAsyncLifetime
{
    private SmtpServer _smtp = null!;
    private RelanceBotFactory _factory = null!;
    private HttpClient _api = null!;
    private TestPractice _practice = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartAsync();
        _factory = new RelanceBotFactory();
        _factory.Settings["Delivery:Email:Host"] = "127.0.0.1";
        _factory.Settings["Delivery:Email:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _factory.Settings["Delivery:Email:Tls"] = "None";
        _factory.Settings["Delivery:Email:SenderAddress"] = "relances@cabinet-dupont.test";
        _practice = await TestPractice.CreateAsync(_factory);
        _api = _factory.CreateApiClient(_practice.ApiKey);
        var cadence = await (await _api.GetAsync("/api/v1/cadence")).ReadJsonAsync();
        cadence["isEnabled"] = true;
        (await _api.PutAsJsonAsync("/api/v1/cadence", cadence)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _api.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient(phone: null))).EnsureSuccessStatusCode();
        // Due Sunday 1 March 2026; the clock starts on Monday 2 March, 10:00 in Paris.
        (await _api.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice())).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_hand_off_waits_for_approval_and_the_notice_deadline_then_stops_reminders_and_produces_the_file()
    {
        var proposal = await WalkToHandOffProposalAsync();

        // Before approval: no collection file.
        var early = await _api.GetAsync("/api/v1/patients/P-1/collection-file.csv");
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        early.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var earlyPdf = await _api.GetAsync("/api/v1/patients/P-1/collection-file.pdf");
        earlyPdf.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        earlyPdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        // The mise en demeure was delivered on D+45: the patient has until D+60 (30 April) to pay, the proposal's day.
        var notice = await _factory.WithDbAsync(db => db.ReminderStepRuns.SingleAsync(run => run.StepName == "formal-notice"));
        notice.Outcome.ShouldBe(StepOutcome.Sent);
        var refused = await _api.PostAsync($"/api/v1/alerts/{proposal.Id}/approve", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.ReadJsonAsync())["detail"]!.GetValue<string>().ShouldContain("2026-04-30");
        (await InvoiceAsync()).Status.ShouldBe(InvoiceStatus.Open);

        await PassDeadlineAndApproveAsync(proposal);

        var invoice = await InvoiceAsync();
        invoice.Status.ShouldBe(InvoiceStatus.HandedOver);
        invoice.HandedOverAt.ShouldBe(_factory.Clock.GetUtcNow());
        var messages = await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync());
        _factory.Clock.Advance(TimeSpan.FromDays(30));
        await SweepAsync();
        await DeliverAsync();
        (await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(messages, "reminders stop once the file is handed over");

        var csv = await _api.GetAsync("/api/v1/patients/P-1/collection-file.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel reads UTF-8 only with a byte order mark");
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("type_ligne;creancier;praticien;");
        var rows = lines[1..].Select(line => line.Split(';')).ToList();
        rows.ShouldAllBe(row => row.Length == 21);
        var invoiceRow = rows.Single(row => row[0] == "FACTURE");
        invoiceRow[1..3].ShouldBe(["Cabinet Dupont", "Dr Dupont"]);
        invoiceRow[4..7].ShouldBe(["P-1", "Martin", "Jeanne"]);
        invoiceRow[10..16].ShouldBe(["F-1", "2026-02-01", "2026-03-01", "123,45", "0,00", "123,45"]);
        var reminders = rows.Where(row => row[0] == "RELANCE").ToList();
        reminders.Select(row => row[20]).ShouldBe(["courteous-1", "courteous-2", "formal", "firm"]);
        reminders.ShouldAllBe(row => row[18] == "EMAIL" && row[19] == "REMISE");
        var formalNotice = rows.Single(row => row[0] == "MISE_EN_DEMEURE");
        formalNotice[17].ShouldStartWith("2026-04-15", Case.Sensitive, "its sending date is the delivery record's");
        formalNotice[19].ShouldBe("REMISE");
        Encoding.UTF8.GetString(bytes).ShouldNotContain("Consultation", Case.Insensitive, "never the nature of care");

        await TheSummaryPdfSaysTheSameAsync();
    }

    /// <summary>The PDF summary, read back as a reader's viewer extracts it, in the staff language (French by default).</summary>
    private async Task TheSummaryPdfSaysTheSameAsync()
    {
        var response = await _api.GetAsync("/api/v1/patients/P-1/collection-file.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = Poppler.Flatten(Poppler.Text(await response.Content.ReadAsByteArrayAsync()));

        text.ShouldContain("Dossier de recouvrement");
        text.ShouldContain("Cabinet : Cabinet Dupont");
        text.ShouldContain("Praticien : Dr Dupont");
        text.ShouldContain("Nom : Jeanne Martin");
        text.ShouldContain("Référence patient : P-1");
        foreach (var expected in new[] { "F-1", "1 février 2026", "1 mars 2026", "123,45 €", "0,00 €", "1 mai 2026", "Total restant dû : 123,45 €" })
        {
            text.ShouldContain(expected);
        }

        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var runs = await _factory.WithDbAsync(db => db.ReminderStepRuns.AsNoTracking().Where(run => run.QueuedAt != null).ToListAsync());
        runs.Count.ShouldBe(5);
        foreach (var run in runs)
        {
            text.ShouldContain(run.StepName);
            var delivered = TimeZoneInfo.ConvertTime(run.DeliveredAt!.Value, paris);
            text.ShouldContain(delivered.ToString("d MMMM yyyy 'à' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")),
                Case.Sensitive, $"{run.StepName}: the delivery record's date");
        }

        Regex.Count(text, @"\bRemise\b").ShouldBe(5, "every reminder and the mise en demeure were delivered");
        Regex.Count(text, @"\be-mail\b").ShouldBeGreaterThanOrEqualTo(6, "each row's channel, and the notice's");
        text.ShouldNotContain("Non remise");
        text.ShouldContain("Mise en demeure de la facture F-1 envoyée le 15 avril 2026 (e-mail) ; délai de paiement jusqu'au 30 avril 2026 inclus.");
        text.ShouldContain("Aucune demande ni aucun accord enregistré.");
        text.ShouldNotContain("Consultation", Case.Insensitive, "never the nature of care");
    }

    [Fact]
    public async Task Staff_mark_a_handed_over_invoice_recovered_from_the_card_or_returned_from_the_API()
    {
        await PassDeadlineAndApproveAsync(await WalkToHandOffProposalAsync());
        var followUp = await _factory.WithDbAsync(db => db.StaffAlerts.SingleAsync(alert => alert.Kind == StaffAlertKind.CollectionInProgress));
        AlertActionPolicy.VerbsFor(followUp).ShouldBe([AlertVerb.MarkRecovered, AlertVerb.MarkReturned]);

        (await _api.PostAsync("/api/v1/invoices/F-1/collection/returned", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await InvoiceAsync()).Status.ShouldBe(InvoiceStatus.Returned);
        (await _factory.WithDbAsync(db => db.StaffAlerts.SingleAsync(alert => alert.Id == followUp.Id))).Status.ShouldBe(StaffAlertStatus.Closed);
        (await _api.PostAsync("/api/v1/invoices/F-1/collection/recovered", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var messages = await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync());
        _factory.Clock.Advance(TimeSpan.FromDays(10));
        await SweepAsync();
        (await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(messages, "a returned file is not chased again");

        // Handed over again (to another service), then recovered from the follow-up card.
        await _factory.WithDbAsync(async db =>
        {
            (await db.Invoices.SingleAsync()).HandOver(_factory.Clock.GetUtcNow()).ShouldBeTrue();
            db.StaffAlerts.Add(StaffAlert.Raise(new NewStaffAlert(
                _practice.Id, StaffAlertKind.CollectionInProgress, "Handed over again", followUp.PatientId, followUp.InvoiceId), _factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var again = await _factory.WithDbAsync(db => db.StaffAlerts.SingleAsync(alert => alert.Kind == StaffAlertKind.CollectionInProgress && alert.Status == StaffAlertStatus.Open));
        const string assistant = "00000000-0000-0000-0000-0000000000bb";
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<RegisterStaff>()
                .HandleAsync(_practice.Id, "Léa Petit", assistant, "Assistant", CancellationToken.None)).ShouldNotBeNull();
            var pressed = await scope.ServiceProvider.GetRequiredService<AlertActionHandler>().HandleAsync(
                _practice.Id, assistant, new AlertActionRequest(again.Id, AlertVerb.MarkRecovered, null, null, null, null),
                BotLanguage.French, CancellationToken.None);
            pressed.Status.ShouldBe(AlertActionStatus.Done);
        }

        (await InvoiceAsync()).Status.ShouldBe(InvoiceStatus.Recovered);
    }

    [Fact]
    public async Task Another_practice_never_sees_nor_changes_the_collection_file()
    {
        await PassDeadlineAndApproveAsync(await WalkToHandOffProposalAsync());
        var other = await TestPractice.CreateAsync(_factory, "Cabinet Voisin");
        using var otherApi = _factory.CreateApiClient(other.ApiKey);

        (await otherApi.GetAsync("/api/v1/patients/P-1/collection-file.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var pdf = await otherApi.GetAsync("/api/v1/patients/P-1/collection-file.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await otherApi.PostAsync("/api/v1/invoices/F-1/collection/recovered", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await InvoiceAsync()).Status.ShouldBe(InvoiceStatus.HandedOver);
    }

    /// <summary>Walks the calendar, approving the mise en demeure as practice software would, until the hand-off is proposed.</summary>
    private async Task<StaffAlert> WalkToHandOffProposalAsync()
    {
        var end = _factory.Clock.GetUtcNow() + TimeSpan.FromDays(90);
        while (_factory.Clock.GetUtcNow() < end)
        {
            await SweepAsync();
            await DeliverAsync();
            foreach (var alert in await _factory.WithDbAsync(db => db.StaffAlerts.Where(a => a.Kind == StaffAlertKind.FormalNoticeApproval && a.Status == StaffAlertStatus.Open).ToListAsync()))
            {
                (await _api.PostAsync($"/api/v1/alerts/{alert.Id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }

            if (await _factory.WithDbAsync(db => db.StaffAlerts.SingleOrDefaultAsync(a => a.Kind == StaffAlertKind.CollectionHandOff)) is { } proposal)
            {
                proposal.RequiresDecision.ShouldBeTrue();
                return proposal;
            }

            var now = _factory.Clock.GetUtcNow();
            var next = await _factory.WithDbAsync(db => db.ReminderSchedules.Where(s => s.NextReminderAt != null).Select(s => s.NextReminderAt).ToListAsync());
            var wake = next.Min() ?? now + ReminderBatch.SweepInterval;
            _factory.Clock.Advance(wake > now ? wake - now : ReminderBatch.SweepInterval);
        }

        throw new ShouldAssertException("No hand-off was proposed within 90 days.");
    }

    private async Task PassDeadlineAndApproveAsync(StaffAlert proposal)
    {
        // The day after the mise en demeure's deadline, in Paris.
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        (await _api.PostAsync($"/api/v1/alerts/{proposal.Id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private Task<Invoice> InvoiceAsync() => _factory.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(invoice => invoice.ExternalReference == "F-1"));

    private async Task SweepAsync() =>
        await _factory.Services.GetRequiredService<SweepDueReminders>().RunAsync(CancellationToken.None);

    private async Task DeliverAsync() =>
        await _factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
}
