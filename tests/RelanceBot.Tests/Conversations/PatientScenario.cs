using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Conversations;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Conversations;

/// <summary>A practice with a patient owing invoices, created through the intake API, and the reminder link token.</summary>
public sealed record PatientScenario(TestPractice Practice, Guid PatientId, string LinkToken)
{
    public static async Task<PatientScenario> CreateAsync(
        RelanceBotFactory app, string patientReference = "P-1", string lastName = "Martin", params (string Reference, long AmountDueCents)[] invoices)
    {
        app.Settings.TryAdd("Payments:PublicBaseUrl", "https://pay.example.test");
        var practice = await TestPractice.CreateAsync(app);
        return await AddPatientAsync(app, practice, patientReference, lastName, invoices);
    }

    public static async Task<PatientScenario> AddPatientAsync(
        RelanceBotFactory app, TestPractice practice, string patientReference, string lastName, params (string Reference, long AmountDueCents)[] invoices)
    {
        using var client = app.CreateApiClient(practice.ApiKey);
        var patient = new
        {
            firstName = "Jeanne",
            lastName,
            dateOfBirth = "1980-02-03",
            phone = "06 12 34 56 78",
            email = "jeanne@example.fr",
            language = "fr",
        };
        (await client.PutJsonAsync($"/api/v1/patients/{patientReference}", patient)).IsSuccessStatusCode.ShouldBeTrue();
        foreach (var (reference, amount) in invoices.Length == 0 ? [("F-1", 12345L)] : invoices)
        {
            (await client.PutJsonAsync($"/api/v1/invoices/{reference}", Requests.Invoice(patientReference, amount))).IsSuccessStatusCode.ShouldBeTrue();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var patientId = await db.Patients.Where(p => p.PracticeId == practice.Id && p.ExternalReference == patientReference)
            .Select(p => p.Id).SingleAsync();
        var token = await scope.ServiceProvider.GetRequiredService<ConversationLinker>()
            .IssueAsync(patientId, null, ConversationLinker.DefaultLifetime, CancellationToken.None);
        return new PatientScenario(practice, patientId, token);
    }

    /// <summary>The invoice's pay link, the one the bot hands out.</summary>
    public static async Task<string> PayLinkAsync(RelanceBotFactory app, Guid invoiceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var link = await scope.ServiceProvider.GetRequiredService<IPaymentLinks>().GetLinkAsync(invoiceId, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().SaveChangesAsync();
        return link;
    }

    /// <summary>Reads the database as the app sees it.</summary>
    public static async Task<T> QueryAsync<T>(RelanceBotFactory app, Func<RelanceBotDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }
}
