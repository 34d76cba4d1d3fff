using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Collection;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Collection;

/// <summary>The two-year limitation clock on the real app and a SQLite file, on a fake clock.</summary>
public sealed class LimitationClockTests : IAsyncLifetime
{
    private readonly RelanceBotFactory _factory = new();
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        var practice = await TestPractice.CreateAsync(_factory);
        _api = _factory.CreateApiClient(practice.ApiKey);
        (await _api.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        // Issued 1 June 2024: it lapses on 1 June 2026, and staff are warned from 2 April 2026.
        (await PutInvoiceAsync(paidCents: 0)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_partial_payment_restarts_the_clock_and_staff_are_warned_once_60_days_before_two_years()
    {
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
        (await WarnAsync()).ShouldBe(0);

        // The patient pays a part on 1 April 2026: the debt now lapses on 1 April 2028.
        (await PutInvoiceAsync(paidCents: 10_00)).EnsureSuccessStatusCode();
        var invoice = await (await _api.GetAsync("/api/v1/invoices/F-1")).ReadJsonAsync();
        invoice["acknowledgedOn"]!.GetValue<string>().ShouldBe("2026-04-01");
        invoice["limitationExpiresOn"]!.GetValue<string>().ShouldBe("2028-04-01");

        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero));
        (await WarnAsync()).ShouldBe(0, "the old clock would have warned today");
        _factory.Clock.SetUtcNow(new DateTimeOffset(2028, 1, 31, 8, 0, 0, TimeSpan.Zero));
        (await WarnAsync()).ShouldBe(0);
        _factory.Clock.SetUtcNow(new DateTimeOffset(2028, 2, 1, 8, 0, 0, TimeSpan.Zero));
        (await WarnAsync()).ShouldBe(1, "60 days before 1 April 2028");
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        (await WarnAsync()).ShouldBe(0, "once per invoice");

        await using var scope = _factory.Services.CreateAsyncScope();
        var alert = await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().StaffAlerts
            .SingleAsync(candidate => candidate.Kind == StaffAlertKind.LimitationApproaching);
        alert.Summary.ShouldContain("1 avril 2028");
        alert.RequiresDecision.ShouldBeFalse();
    }

    private async Task<int> WarnAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LimitationWatch>().WarnAsync(CancellationToken.None);
    }

    private Task<HttpResponseMessage> PutInvoiceAsync(long paidCents) => _api.PutJsonAsync("/api/v1/invoices/F-1", new
    {
        patientReference = "P-1",
        amountDueCents = 120_00,
        amountPaidCents = paidCents,
        issueDate = "2024-06-01",
        dueDate = "2024-07-01",
    });
}
