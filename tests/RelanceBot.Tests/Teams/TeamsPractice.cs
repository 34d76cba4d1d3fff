using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Outbox;
using RelanceBot.PatientRequests;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using RelanceBot.Teams.Alerts;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Teams;

/// <summary>A practice set up for Teams through its API: staff registered, a patient with an invoice.</summary>
public sealed record TeamsPractice(TestPractice Practice, string PractitionerAad, string AssistantAad)
{
    public static async Task<TeamsPractice> CreateAsync(RelanceBotFactory app, string name = "Cabinet Dupont")
    {
        var practice = await TestPractice.CreateAsync(app, name);
        var teams = new TeamsPractice(practice, Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        using var api = app.CreateApiClient(practice.ApiKey);
        await RegisterAsync(api, "Dr Dupont", teams.PractitionerAad, "Practitioner");
        await RegisterAsync(api, "Léa Martin", teams.AssistantAad, "Assistant");
        (await api.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient("Jeanne"))).EnsureSuccessStatusCode();
        (await api.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice("P-1", amountDueCents: 12345))).EnsureSuccessStatusCode();
        return teams;
    }

    public Guid Id => Practice.Id;

    public async Task<string> IssueLinkCodeAsync(RelanceBotFactory app)
    {
        using var api = app.CreateApiClient(Practice.ApiKey);
        using var response = await api.PostAsync("/api/v1/teams/link-codes", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadJsonAsync())["code"]!.GetValue<string>();
    }

    public async Task LinkAsync(RelanceBotFactory app, TeamsStaffChannel channel)
        => (await channel.SayAsync(AssistantAad, $"link {await IssueLinkCodeAsync(app)}")).ShouldContain("reçoit désormais");

    /// <summary>Raises an alert on the invoice F-1, as the cadence, payments or dialogs work would.</summary>
    public async Task<Guid> RaiseAlertAsync(RelanceBotFactory app, StaffAlertKind kind, bool requiresDecision = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var invoice = await db.Invoices.SingleAsync(i => i.PracticeId == Id && i.ExternalReference == "F-1");
        var alert = scope.ServiceProvider.GetRequiredService<StaffAlerts>().Raise(new NewStaffAlert(
            Id, kind, "3 rappels envoyés par SMS, sans réponse.", invoice.PatientId, invoice.Id, "Je peux payer en trois fois ?", requiresDecision));
        await db.SaveChangesAsync();
        return alert.Id;
    }

    /// <summary>The patient asks to pay F-1 in three installments: a plan awaits approval behind a PlanApproval alert.</summary>
    public async Task<(Guid PlanId, Guid AlertId)> RequestPlanAsync(RelanceBotFactory app)
    {
        var (planIds, alertId) = await RequestPlanAsync(app, "F-1");
        return (planIds.ShouldHaveSingleItem(), alertId);
    }

    /// <summary>The patient asks to pay these invoices in three installments, in one request: one plan each, one alert.</summary>
    public async Task<(IReadOnlyList<Guid> PlanIds, Guid AlertId)> RequestPlanAsync(RelanceBotFactory app, params string[] invoiceReferences)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RequestInstallmentPlan>()
            .HandleAsync(await InvoiceIdsAsync(scope, invoiceReferences), 3, "Je peux payer en trois fois ?", new DateOnly(2026, 3, 15), CancellationToken.None);
        result.Refusal.ShouldBeNull();
        result.Plans.Select(plan => plan.ApprovalAlertId).Distinct().ShouldHaveSingleItem();
        return ([.. result.Plans.Select(plan => plan.Id)], result.Plans[0].ApprovalAlertId!.Value);
    }

    /// <summary>The patient says they already paid these invoices, in one claim: one AlreadyPaidClaim alert.</summary>
    public async Task<Guid> ClaimPaidAsync(RelanceBotFactory app, params string[] invoiceReferences)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var patientId = await db.Patients.Where(p => p.PracticeId == Id && p.ExternalReference == "P-1").Select(p => p.Id).SingleAsync();
        (await scope.ServiceProvider.GetRequiredService<ClaimPayment>()
            .StageAsync(Id, patientId, await InvoiceIdsAsync(scope, invoiceReferences), "J'ai tout réglé par virement.", CancellationToken.None))
            .ShouldBe(invoiceReferences.Length);
        await db.SaveChangesAsync();
        return await db.StaffAlerts.Where(a => a.Kind == StaffAlertKind.AlreadyPaidClaim).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Another invoice of the same patient.</summary>
    public async Task AddInvoiceAsync(RelanceBotFactory app, string reference, long amountDueCents)
    {
        using var api = app.CreateApiClient(Practice.ApiKey);
        (await api.PutJsonAsync($"/api/v1/invoices/{reference}", Requests.Invoice("P-1", amountDueCents: amountDueCents))).EnsureSuccessStatusCode();
    }

    private async Task<List<Guid>> InvoiceIdsAsync(AsyncServiceScope scope, string[] references)
    {
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var ids = await db.Invoices.Where(i => i.PracticeId == Id && references.Contains(i.ExternalReference))
            .ToDictionaryAsync(i => i.ExternalReference, i => i.Id);
        return [.. references.Select(reference => ids[reference])];
    }

    public static async Task<int> DispatchCardsAsync(RelanceBotFactory app)
    {
        int enqueued;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            enqueued = await scope.ServiceProvider.GetRequiredService<AlertCardDispatcher>().DispatchAsync(CancellationToken.None);
        }

        await DeliverOutboxAsync(app);
        return enqueued;
    }

    /// <summary>One pass of the outbox dispatcher (the tests switch its background loop off).</summary>
    public static Task<int> DeliverOutboxAsync(RelanceBotFactory app)
        => app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    public static async Task<T> QueryAsync<T>(RelanceBotFactory app, Func<RelanceBotDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }

    public static JsonObject Data(Guid alertId) => new() { ["alertId"] = alertId.ToString() };

    private static async Task RegisterAsync(HttpClient api, string name, string aadObjectId, string role)
        => (await api.PostAsJsonAsync("/api/v1/teams/staff", new { name, aadObjectId, role })).StatusCode.ShouldBe(HttpStatusCode.Created);
}
