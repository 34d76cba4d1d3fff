using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Intake;

/// <summary>
/// <c>GET /api/v1/invoices|alerts|plans</c> over real HTTP: paging, filters, one practice's rows only, and a 400
/// naming the parameter for a bad filter. The clock stands on Monday 2 March 2026.
/// </summary>
public sealed class ListEndpointsTests : IAsyncLifetime
{
    private readonly RelanceBotFactory _factory = new();
    private TestPractice _practice = null!;
    private TestPractice _neighbour = null!;
    private HttpClient _api = null!;
    private HttpClient _neighbourApi = null!;

    public async Task InitializeAsync()
    {
        _practice = await TestPractice.CreateAsync(_factory);
        _neighbour = await TestPractice.CreateAsync(_factory, "Cabinet Voisin");
        _api = _factory.CreateApiClient(_practice.ApiKey);
        _neighbourApi = _factory.CreateApiClient(_neighbour.ApiKey);
        foreach (var patient in new[] { "P-1", "P-2" })
        {
            (await _api.PutJsonAsync($"/api/v1/patients/{patient}", Requests.Patient())).EnsureSuccessStatusCode();
        }

        await PutInvoiceAsync(_api, "F-1", "P-1", "2026-03-01"); // 1 day overdue
        await PutInvoiceAsync(_api, "F-2", "P-2", "2026-01-15"); // 46 days
        await PutInvoiceAsync(_api, "F-3", "P-1", "2026-02-20", paidCents: 12_000); // 10 days, paid
        (await _neighbourApi.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        await PutInvoiceAsync(_neighbourApi, "F-9", "P-1", "2026-01-01");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Invoices_come_in_pages_oldest_due_first_with_their_ids()
    {
        var first = await GetPageAsync(_api, "/api/v1/invoices?limit=2");
        var second = await GetPageAsync(_api, "/api/v1/invoices?limit=2&offset=2");

        first["total"]!.GetValue<int>().ShouldBe(3);
        References(first).ShouldBe(["F-2", "F-3"]);
        References(second).ShouldBe(["F-1"]);
        var ids = await _factory.WithDbAsync(db => db.Invoices.Where(invoice => invoice.PracticeId == _practice.Id)
            .ToDictionaryAsync(invoice => invoice.ExternalReference, invoice => invoice.Id));
        second["items"]![0]!["id"]!.GetValue<Guid>().ShouldBe(ids["F-1"]);
    }

    [Theory]
    [InlineData("status=Paid", new[] { "F-3" })]
    [InlineData("status=open", new[] { "F-2", "F-1" })]
    [InlineData("minDaysOverdue=30", new[] { "F-2" })]
    [InlineData("minDaysOverdue=5&maxDaysOverdue=30", new[] { "F-3" })]
    [InlineData("maxDaysOverdue=1", new[] { "F-1" })]
    [InlineData("patient=P-1", new[] { "F-3", "F-1" })]
    [InlineData("patient=P-1&status=Open", new[] { "F-1" })]
    [InlineData("patient=P-404", new string[0])]
    public async Task Invoices_filter_by_status_age_and_patient(string filter, string[] expected)
    {
        References(await GetPageAsync(_api, $"/api/v1/invoices?{filter}")).ShouldBe(expected);
    }

    [Fact]
    public async Task A_practice_never_sees_another_practices_rows()
    {
        References(await GetPageAsync(_neighbourApi, "/api/v1/invoices")).ShouldBe(["F-9"]);
        References(await GetPageAsync(_neighbourApi, "/api/v1/invoices?patient=P-1")).ShouldBe(["F-9"]);
        await RaiseAlertAsync(_practice.Id, StaffAlertKind.Escalation);
        await AddPlanAsync("F-2");

        (await GetPageAsync(_neighbourApi, "/api/v1/alerts"))["items"]!.AsArray().ShouldBeEmpty();
        (await GetPageAsync(_neighbourApi, "/api/v1/plans"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Alerts_filter_open_or_decided_and_by_kind_and_carry_the_id_to_act_on()
    {
        var escalation = await RaiseAlertAsync(_practice.Id, StaffAlertKind.Escalation);
        var approval = await RaiseAlertAsync(_practice.Id, StaffAlertKind.FormalNoticeApproval, requiresDecision: true);
        await _factory.WithDbAsync(async db =>
        {
            (await db.StaffAlerts.SingleAsync(alert => alert.Id == escalation))
                .Resolve(StaffAlertStatus.Closed, "api-key:test", null, _factory.Clock.GetUtcNow()).ShouldBeTrue();
            await db.SaveChangesAsync();
            return 0;
        });

        var open = await GetPageAsync(_api, "/api/v1/alerts?status=open");
        var decided = await GetPageAsync(_api, "/api/v1/alerts?status=decided");
        var approvals = await GetPageAsync(_api, "/api/v1/alerts?kind=FormalNoticeApproval");

        Ids(open).ShouldBe([approval]);
        Ids(decided).ShouldBe([escalation]);
        Ids(approvals).ShouldBe([approval]);
        var item = open["items"]![0]!;
        item["requiresDecision"]!.GetValue<bool>().ShouldBeTrue();
        item["invoiceReference"]!.GetValue<string>().ShouldBe("F-2");
        item["patientReference"]!.GetValue<string>().ShouldBe("P-2");
        Ids(await GetPageAsync(_api, "/api/v1/alerts?limit=1&offset=1")).ShouldBe([escalation], "newest first");
    }

    [Fact]
    public async Task Plans_are_listed_with_their_ids_and_filtered_by_status_and_invoice()
    {
        var plan = await AddPlanAsync("F-2");

        var requested = await GetPageAsync(_api, "/api/v1/plans?status=Requested&invoice=F-2");

        requested["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>()).ShouldBe([plan]);
        (await GetPageAsync(_api, "/api/v1/plans?status=Active"))["items"]!.AsArray().ShouldBeEmpty();
        (await GetPageAsync(_api, "/api/v1/plans?invoice=F-1"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/v1/invoices?status=Lost", "status")]
    [InlineData("/api/v1/invoices?status=1", "status")]
    [InlineData("/api/v1/invoices?minDaysOverdue=-1", "minDaysOverdue")]
    [InlineData("/api/v1/invoices?maxDaysOverdue=ten", "maxDaysOverdue")]
    [InlineData("/api/v1/invoices?minDaysOverdue=30&maxDaysOverdue=10", "maxDaysOverdue")]
    [InlineData("/api/v1/invoices?patient=", "patient")]
    [InlineData("/api/v1/invoices?limit=0", "limit")]
    [InlineData("/api/v1/invoices?limit=201", "limit")]
    [InlineData("/api/v1/invoices?offset=-3", "offset")]
    [InlineData("/api/v1/alerts?status=closedish", "status")]
    [InlineData("/api/v1/alerts?kind=Nope", "kind")]
    [InlineData("/api/v1/plans?status=Pending", "status")]
    [InlineData("/api/v1/plans?limit=x", "limit")]
    public async Task A_bad_filter_is_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        var response = await _api.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadJsonAsync())["errors"]!.AsObject().Select(error => error.Key).ShouldBe([parameter]);
    }

    [Fact]
    public async Task The_OpenAPI_document_marks_the_filters_optional()
    {
        var document = await (await _api.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var parameters = document["paths"]!["/api/v1/invoices"]!["get"]!["parameters"]!.AsArray();
        parameters.Select(parameter => parameter!["name"]!.GetValue<string>())
            .ShouldBe(["status", "minDaysOverdue", "maxDaysOverdue", "patient", "offset", "limit"], ignoreOrder: true);
        parameters.ShouldAllBe(parameter => parameter!["required"] == null || !parameter["required"]!.GetValue<bool>());
        document["paths"]!["/api/v1/alerts"]!["get"].ShouldNotBeNull();
        document["paths"]!["/api/v1/plans"]!["get"].ShouldNotBeNull();
    }

    private static async Task PutInvoiceAsync(HttpClient api, string reference, string patient, string dueDate, long paidCents = 0) =>
        (await api.PutJsonAsync($"/api/v1/invoices/{reference}", new
        {
            patientReference = patient,
            amountDueCents = 12_000,
            amountPaidCents = paidCents,
            issueDate = "2025-12-01",
            dueDate,
        })).EnsureSuccessStatusCode();

    private static async Task<JsonObject> GetPageAsync(HttpClient api, string path)
    {
        var response = await api.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static List<string> References(JsonObject page) =>
        [.. page["items"]!.AsArray().Select(item => item!["externalReference"]!.GetValue<string>())];

    private static List<Guid> Ids(JsonObject page) =>
        [.. page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>())];

    private Task<Guid> RaiseAlertAsync(Guid practiceId, StaffAlertKind kind, bool requiresDecision = false) =>
        _factory.WithDbAsync(async db =>
        {
            var invoice = await db.Invoices.SingleAsync(candidate => candidate.PracticeId == practiceId && candidate.ExternalReference == "F-2");
            _factory.Clock.Advance(TimeSpan.FromSeconds(1)); // distinct creation instants: the order is by time
            var alert = db.StaffAlerts.Add(StaffAlert.Raise(
                new NewStaffAlert(practiceId, kind, "Invoice F-2 needs a look.", invoice.PatientId, invoice.Id, RequiresDecision: requiresDecision),
                _factory.Clock.GetUtcNow())).Entity;
            await db.SaveChangesAsync();
            return alert.Id;
        });

    private Task<Guid> AddPlanAsync(string invoiceReference) =>
        _factory.WithDbAsync(async db =>
        {
            var invoice = await db.Invoices.SingleAsync(candidate => candidate.PracticeId == _practice.Id && candidate.ExternalReference == invoiceReference);
            var plan = InstallmentPlan.Request(
                _practice.Id, invoice.Id, invoice.PatientId, invoice.AmountOutstandingCents, 3, new DateOnly(2026, 3, 10), "en trois fois",
                _factory.Clock.GetUtcNow());
            db.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
}
