using System.Net;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Persistence;

public sealed class RestartTests
{
    [Fact]
    public async Task DataWrittenThroughTheApi_SurvivesAStopAndStartOnTheSameFile()
    {
        using var database = new TestDatabase();
        TestPractice practice;
        await using (var before = RelanceBotFactory.On(database))
        {
            practice = await TestPractice.CreateAsync(before);
            using var client = before.CreateApiClient(practice.ApiKey);
            (await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
            (await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice(amountDueCents: 4200))).EnsureSuccessStatusCode();
        }

        await using var after = RelanceBotFactory.On(database);
        using var restarted = after.CreateApiClient(practice.ApiKey);
        var response = await restarted.GetAsync("/api/v1/invoices/F-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var invoice = await response.ReadJsonAsync();
        invoice["amountDueCents"]!.GetValue<long>().ShouldBe(4200);
        invoice["createdAt"]!.GetValue<DateTimeOffset>().ShouldBe(RelanceBotFactory.Start);
    }
}
