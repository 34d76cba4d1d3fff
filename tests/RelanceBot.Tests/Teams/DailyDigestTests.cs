using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Reminders;
using RelanceBot.Alerts;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;
using RelanceBot.Teams.Digest;

namespace RelanceBot.Tests.Teams;

public sealed class DailyDigestTests : TeamsChannelTest
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task TheDigest_IsSentOncePerLocalDay_From0830ParisTime()
    {
        await Practice.LinkAsync(App, Channel);

        // The app starts at 10:00 in Paris: today's digest is due.
        (await SendDueAsync()).ShouldBe(1);
        (await SendDueAsync()).ShouldBe(0);

        // 08:29 the next morning (UTC+1 in March): not yet; 08:30: sent.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 7, 29, 0, TimeSpan.Zero));
        (await SendDueAsync()).ShouldBe(0);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        (await SendDueAsync()).ShouldBe(1);

        var card = Connector.Requests.Last().Body!["attachments"]![0]!["content"]!.AsObject();
        await AdaptiveCardSchema.ShouldBeValidAsync(card);
        CardText.Of(card).ShouldContain("Le point du mardi 3 mars 2026");
    }

    [Fact]
    public async Task APracticeWithoutALinkedChannel_GetsNoDigest()
        => (await SendDueAsync()).ShouldBe(0);

    [Fact]
    public async Task TheFigures_AreYesterdaysRecoveries_TheBalanceByAge_AndTheAlertsAwaitingAction()
    {
        using var api = App.CreateApiClient(Practice.Practice.ApiKey);
        await PutInvoiceAsync(api, "F-2", 1000, 0, "2026-01-20");
        await PutInvoiceAsync(api, "F-3", 2000, 0, "2025-12-20");
        await PutInvoiceAsync(api, "F-4", 4000, 0, "2025-10-01");
        await PutInvoiceAsync(api, "F-1", 12345, 2000, "2026-03-01");
        await Practice.RaiseAlertAsync(App, StaffAlertKind.Escalation);

        // A payment on the day of the digest counts tomorrow, not today.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));
        await PutInvoiceAsync(api, "F-2", 1000, 300, "2026-01-20");

        await using var scope = App.Services.CreateAsyncScope();
        var figures = await scope.ServiceProvider.GetRequiredService<DigestFiguresQuery>()
            .ComputeAsync(Practice.Id, new DateOnly(2026, 3, 3), Paris, CancellationToken.None);

        figures.RecoveredYesterdayCents.ShouldBe(2000);
        figures.Due0To30Cents.ShouldBe(10345);
        figures.Due31To60Cents.ShouldBe(700);
        figures.Due61To90Cents.ShouldBe(2000);
        figures.DueOver90Cents.ShouldBe(4000);
        figures.AwaitingAction.ShouldBe(1);
        figures.RemindersSentYesterday.ShouldBe(0);
    }

    [Fact]
    public async Task Reminders_count_as_sent_when_the_record_says_delivered_and_those_that_never_left_are_shown()
    {
        using var api = App.CreateApiClient(Practice.Practice.ApiKey);
        await PutInvoiceAsync(api, "F-1", 5000, 0, "2026-01-20");
        var yesterday = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
            var invoice = await db.Invoices.SingleAsync();
            var delivered = ReminderStepRun.Queued(invoice.Id, invoice.PatientId, "courteous-1", ChannelKind.Sms, yesterday);
            delivered.MarkDelivered(ChannelKind.Email, yesterday.AddMinutes(2));
            var neverLeft = ReminderStepRun.Queued(invoice.Id, invoice.PatientId, "courteous-2", ChannelKind.Sms, yesterday);
            neverLeft.MarkUndelivered("every channel failed", yesterday.AddMinutes(5));
            var stillQueued = ReminderStepRun.Queued(invoice.Id, invoice.PatientId, "formal", ChannelKind.Email, yesterday);
            db.ReminderStepRuns.AddRange(delivered, neverLeft, stillQueued);
            await db.SaveChangesAsync();
        }

        await using var reading = App.Services.CreateAsyncScope();
        var figures = await reading.ServiceProvider.GetRequiredService<DigestFiguresQuery>()
            .ComputeAsync(Practice.Id, new DateOnly(2026, 3, 3), Paris, CancellationToken.None);

        figures.RemindersSentYesterday.ShouldBe(1, "the queued and the undelivered steps were never delivered");
        figures.RemindersUndeliveredYesterday.ShouldBe(1);
    }

    [Fact]
    public async Task Invoices_nearing_their_limitation_are_counted()
    {
        using var api = App.CreateApiClient(Practice.Practice.ApiKey);
        await PutInvoiceAsync(api, "F-OLD", 5000, 0, "2024-07-01", issueDate: "2024-06-01");
        await PutInvoiceAsync(api, "F-NEW", 5000, 0, "2026-01-20");

        await using var scope = App.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<DigestFiguresQuery>();
        // F-OLD lapses on 1 June 2026: counted from 2 April, 60 days before.
        (await query.ComputeAsync(Practice.Id, new DateOnly(2026, 4, 1), Paris, CancellationToken.None)).NearingLimitation.ShouldBe(0);
        (await query.ComputeAsync(Practice.Id, new DateOnly(2026, 4, 2), Paris, CancellationToken.None)).NearingLimitation.ShouldBe(1);
    }

    private async Task<int> SendDueAsync()
    {
        int enqueued;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            enqueued = await scope.ServiceProvider.GetRequiredService<DailyDigest>().SendDueAsync(CancellationToken.None);
        }

        await TeamsPractice.DeliverOutboxAsync(App);
        return enqueued;
    }

    private static async Task PutInvoiceAsync(HttpClient api, string reference, long due, long paid, string dueDate, string issueDate = "2025-09-01")
        => (await api.PutJsonAsync($"/api/v1/invoices/{reference}", new
        {
            patientReference = "P-1",
            amountDueCents = due,
            amountPaidCents = paid,
            issueDate,
            dueDate,
        })).EnsureSuccessStatusCode();
}
