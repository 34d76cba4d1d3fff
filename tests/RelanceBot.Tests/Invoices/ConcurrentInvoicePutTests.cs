using System.Net;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Invoices;

/// <summary>
/// A client that retries on a timeout sends the same PUT many times at once: every copy must get the invoice, as if
/// it had been alone (real HTTP through Kestrel, on a SQLite file).
/// </summary>
public class ConcurrentInvoicePutTests : IAsyncLifetime
{
    private const int Requests = 50;

    private RelanceBotFactory _factory = null!;
    private HttpClient _api = null!;

    protected virtual Task<RelanceBotFactory> CreateFactoryAsync() => Task.FromResult(new RelanceBotFactory());

    public async Task InitializeAsync()
    {
        _factory = await CreateFactoryAsync();
        _api = _factory.CreateApiClient((await TestPractice.CreateAsync(_factory)).ApiKey);
        (await _api.PutJsonAsync("/api/v1/patients/P-1", TestHost.Requests.Patient())).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Identical_concurrent_creations_all_answer_the_same_invoice()
    {
        var responses = await PutConcurrentlyAsync(TestHost.Requests.Invoice(amountDueCents: 12345));

        responses.Count(response => response.Status == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(response => response.Status == HttpStatusCode.OK).ShouldBe(Requests - 1);
        responses.Select(response => response.Body).Distinct().Count().ShouldBe(1, "every answer shows the same stored invoice");
    }

    [Fact]
    public async Task Identical_concurrent_updates_all_answer_200_with_the_same_invoice()
    {
        (await _api.PutJsonAsync("/api/v1/invoices/F-1", TestHost.Requests.Invoice(amountDueCents: 5000))).EnsureSuccessStatusCode();
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var responses = await PutConcurrentlyAsync(TestHost.Requests.Invoice(amountDueCents: 5000, amountPaidCents: 1000));

        responses.Select(response => response.Status).Distinct().ShouldBe([HttpStatusCode.OK]);
        responses.Select(response => response.Body).Distinct().Count().ShouldBe(1);
        var stored = await (await _api.GetAsync("/api/v1/invoices/F-1")).ReadJsonAsync();
        stored["amountPaidCents"]!.GetValue<long>().ShouldBe(1000);
    }

    private async Task<(HttpStatusCode Status, string Body)[]> PutConcurrentlyAsync(object body)
    {
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, Requests).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await _api.PutJsonAsync("/api/v1/invoices/F-1", body);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(Requests);
        return await Task.WhenAll(requests);
    }
}

/// <summary>The same on PostgreSQL, where concurrent transactions really overlap (no in-process writer slot).</summary>
public sealed class PostgreSqlConcurrentInvoicePutTests(PostgreSqlServer server) : ConcurrentInvoicePutTests, IClassFixture<PostgreSqlServer>
{
    protected override async Task<RelanceBotFactory> CreateFactoryAsync() =>
        RelanceBotFactory.OnPostgreSql(await server.CreateDatabaseAsync());
}
