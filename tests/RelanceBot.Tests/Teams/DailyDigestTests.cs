using Microsoft.Extensions.DependencyInjection;
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

    private static async Task PutInvoiceAsync(HttpClient api, string reference, long due, long paid, string dueDate)
        => (await api.PutJsonAsync($"/api/v1/invoices/{reference}", new
        {
            patientReference = "P-1",
            amountDueCents = due,
            amountPaidCents = paid,
            issueDate = "2025-09-01",
            dueDate,
        })).EnsureSuccessStatusCode();
}
