using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Persistence;

public sealed class ConcurrencyVersionTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task SaveChanges_OnAStaleCopyOfAnInvoice_IsRejected()
    {
        var practice = await TestPractice.CreateAsync(factory);
        using var client = factory.CreateApiClient(practice.ApiKey);
        (await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        (await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice())).EnsureSuccessStatusCode();
        await using var firstScope = factory.Services.CreateAsyncScope();
        await using var secondScope = factory.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var original = await first.Invoices.SingleAsync(invoice => invoice.PracticeId == practice.Id);
        var stale = await second.Invoices.SingleAsync(invoice => invoice.PracticeId == practice.Id);

        original.Cancel(RelanceBotFactory.Start);
        await first.SaveChangesAsync();
        stale.Update(stale.PatientId, new InvoiceAmounts(1, 0, stale.IssueDate, stale.DueDate, null, false), RelanceBotFactory.Start);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
