using RelanceBot.Conversations.Messages;
using RelanceBot.Teams.Alerts;
using RelanceBot.Practices;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Reminders;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Reminders;

/// <summary>
/// The sweep on the real app and a SQLite file. Quartz may sweep too in the background, so tests assert what is in
/// the database, which is the same whichever sweep did the work.
/// </summary>
public class ReminderSweepTests : IAsyncLifetime
{
    private RelanceBotFactory _factory = null!;
    private HttpClient _api = null!;
    private TestPractice _practice = null!;

    protected virtual Task<RelanceBotFactory> CreateFactoryAsync() => Task.FromResult(new RelanceBotFactory());

    public async Task InitializeAsync()
    {
        _factory = await CreateFactoryAsync();
        // Links are built on the public host the reminders advertise.
        _factory.Settings["Payments:PublicBaseUrl"] = "https://pay.relancebot.test";
        _practice = await TestPractice.CreateAsync(_factory);
        _api = _factory.CreateApiClient(_practice.ApiKey);
        var cadence = await (await _api.GetAsync("/api/v1/cadence")).ReadJsonAsync();
        cadence["isEnabled"] = true;
        (await _api.PutAsJsonAsync("/api/v1/cadence", cadence)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _api.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        // Due Sunday 1 March; the clock starts on Monday 2 March 2026, 10:00 in Paris: D+1 is due at once.
        (await _api.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice())).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

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
        var sent = await WithDbAsync(db => db.ReminderStepRuns.CountAsync(run => run.Outcome == StepOutcome.Sent));
        sent.ShouldBe(patients);
        var stillDue = await WithDbAsync(db => db.ReminderSchedules.CountAsync(schedule => schedule.NextReminderAt <= _factory.Clock.GetUtcNow()));
        stillDue.ShouldBe(0);
    }

    [Fact]
    public async Task A_payment_recorded_between_the_sweep_and_the_send_stops_the_reminder()
    {
        await SweepAsync();
        await WithDbAsync(async db =>
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
        var first = (await OutboxAsync()).Single();
        await WithDbAsync(async db =>
        {
            var patient = await db.Patients.Include(candidate => candidate.Channels).SingleAsync();
            patient.Channels.Single(channel => channel.Kind == ChannelKind.Email).OptOut("STOP", _factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });

        _factory.Clock.Advance(TimeSpan.FromDays(7)); // Monday 9 March, 10:00: D+7 is due
        await SweepAsync();

        var second = (await OutboxAsync()).Single(message => message.IdempotencyKey.EndsWith(":courteous-2", StringComparison.Ordinal));
        first.Channel.ShouldBe(DeliveryChannel.Sms); // through the SMS provider (Demo in Development)
        second.Channel.ShouldBe(DeliveryChannel.Sms, "e-mail was opted out, so SMS goes on");
    }

    [Fact]
    public async Task A_dispute_stops_the_cadence_and_reopening_resumes_it_with_the_latest_step()
    {
        await SweepAsync();
        await WithDbAsync(async db =>
        {
            (await db.Invoices.SingleAsync()).Dispute(_factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        _factory.Clock.Advance(TimeSpan.FromDays(16)); // Wednesday 18 March: D+7 and D+15 passed
        await SweepAsync();
        (await OutboxAsync()).Count.ShouldBe(1);

        await WithDbAsync(async db =>
        {
            (await db.Invoices.SingleAsync()).Reopen(_factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        await SweepAsync();

        (await OutboxAsync()).Select(message => message.IdempotencyKey.Split(':')[^1]).ShouldBe(["courteous-1", "formal"]);
    }

    [Fact]
    public async Task The_mise_en_demeure_waits_for_the_practitioner_and_goes_once_approved()
    {
        await SweepAsync();
        _factory.Clock.Advance(TimeSpan.FromDays(45)); // Thursday 16 April, 10:00 CEST... D+45 is due
        await SweepAsync();
        (await OutboxAsync()).ShouldNotContain(message => message.Purpose == OutboxPurpose.FormalNotice);

        var alert = await WithDbAsync(db => db.StaffAlerts.SingleAsync(candidate => candidate.Kind == StaffAlertKind.FormalNoticeApproval));
        alert.RequiresDecision.ShouldBeTrue();
        (await _api.PostAsync($"/api/v1/alerts/{alert.Id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        _factory.Clock.Advance(ReminderBatch.SweepInterval);
        await SweepAsync();

        var notice = (await OutboxAsync()).Single(message => message.Purpose == OutboxPurpose.FormalNotice);
        notice.Channel.ShouldBe(DeliveryChannel.Email);
        notice.Content.Subject.ShouldNotBeNull().ShouldContain("Mise en demeure");
    }

    [Fact]
    public async Task The_mise_en_demeure_approved_from_the_Teams_card_goes_at_the_next_sweep()
    {
        await SweepAsync();
        _factory.Clock.Advance(TimeSpan.FromDays(45));
        await SweepAsync();
        var alert = await WithDbAsync(db => db.StaffAlerts.SingleAsync(candidate => candidate.Kind == StaffAlertKind.FormalNoticeApproval));
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

        _factory.Clock.Advance(ReminderBatch.SweepInterval);
        await SweepAsync();

        (await OutboxAsync()).ShouldContain(message => message.Purpose == OutboxPurpose.FormalNotice);
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

        await WithDbAsync(async db =>
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
        var ids = await WithDbAsync(db => db.Invoices.ToDictionaryAsync(invoice => (invoice.PracticeId, invoice.ExternalReference), invoice => invoice.Id));

        var poisonId = ids[(_practice.Id, "F-POISON")];
        var firstId = ids[(_practice.Id, "F-FIRST")];

        await SweepAsync();
        var poisonWake = await WithDbAsync(db => db.ReminderSchedules.SingleAsync(schedule => schedule.InvoiceId == poisonId));
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync();

        var reminders = (await OutboxAsync()).Where(message => message.Purpose == OutboxPurpose.Reminder).ToList();
        reminders.Select(message => message.InvoiceId).ShouldBe([ids[(_practice.Id, "F-1")], ids[(other.Id, "F-1")]], ignoreOrder: true);
        var failures = await WithDbAsync(db => db.StaffAlerts.Where(alert => alert.Kind == StaffAlertKind.ReminderFailed).ToListAsync());
        failures.Count.ShouldBe(1, "one alert for the invoice, not one per sweep");
        failures[0].InvoiceId.ShouldBe(poisonId);
        failures[0].Summary.ShouldNotContain("Jeanne");
        poisonWake.NextReminderAt.ShouldNotBeNull().ShouldBeGreaterThan(RelanceBotFactory.Start.AddHours(1), "not woken every minute");
        (await WithDbAsync(db => db.ReminderStepRuns.CountAsync(run => run.InvoiceId == poisonId)))
            .ShouldBe(0, "its step was not claimed: it runs once the invoice can be prepared");
        (await WithDbAsync(db => db.StaffAlerts.CountAsync(alert => alert.InvoiceId == firstId)))
            .ShouldBe(1, "the oldest possible due date plans like any other: its latest step, the hand-off proposal");

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

    private Task<List<OutboxMessage>> OutboxAsync() =>
        WithDbAsync(db => db.OutboxMessages.OrderBy(message => message.CreatedAt).ThenBy(message => message.Id).ToListAsync());

    private async Task<T> WithDbAsync<T>(Func<RelanceBotDbContext, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }

    private async Task WithDbAsync(Func<RelanceBotDbContext, Task> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }
}

/// <summary>
/// The same sweep on PostgreSQL, where its bulk inserts are multi-row statements (a provider path SQLite never takes).
/// </summary>
public sealed class PostgreSqlReminderSweepTests(PostgreSqlServer server) : ReminderSweepTests, IClassFixture<PostgreSqlServer>
{
    protected override async Task<RelanceBotFactory> CreateFactoryAsync() =>
        RelanceBotFactory.OnPostgreSql(await server.CreateDatabaseAsync());
}
