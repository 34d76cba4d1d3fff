using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Practices;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Invoices;

public sealed class InvoiceApiTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task Put_NewInvoice_Returns201WithTheInvoice()
    {
        var client = await ClientWithPatientAsync();

        var response = await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice(amountDueCents: 12345, amountPaidCents: 45));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe("/api/v1/invoices/F-1");
        var invoice = await response.ReadJsonAsync();
        invoice["amountDueCents"]!.GetValue<long>().ShouldBe(12345);
        invoice["amountOutstandingCents"]!.GetValue<long>().ShouldBe(12300);
        invoice["currency"]!.GetValue<string>().ShouldBe("EUR");
        invoice["status"]!.GetValue<string>().ShouldBe("PartiallyPaid");
        invoice["patientReference"]!.GetValue<string>().ShouldBe("P-1");
    }

    [Fact]
    public async Task Put_SameBodyTwice_Returns200AndLeavesTheInvoiceUnchanged()
    {
        var client = await ClientWithPatientAsync();
        var created = await (await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice())).ReadJsonAsync();
        factory.Clock.Advance(TimeSpan.FromHours(1));

        var again = await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice());

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadJsonAsync()).ToJsonString().ShouldBe(created.ToJsonString());
    }

    [Fact]
    public async Task Put_ChangedAmounts_UpdatesTheInvoice()
    {
        var client = await ClientWithPatientAsync();
        await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice(amountDueCents: 5000));

        var response = await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice(amountDueCents: 5000, amountPaidCents: 5000));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fetched = await (await client.GetAsync("/api/v1/invoices/F-1")).ReadJsonAsync();
        fetched["status"]!.GetValue<string>().ShouldBe("Paid");
        fetched["amountPaidCents"]!.GetValue<long>().ShouldBe(5000);
    }

    [Fact]
    public async Task References_WithSlashes_WorkWhenPercentEncoded()
    {
        var client = await ClientWithPatientAsync();

        var created = await client.PutJsonAsync("/api/v1/invoices/F%2F2026%2F001", Requests.Invoice());
        var cancelled = await client.PostAsync("/api/v1/invoices/F%2F2026%2F001/cancel", null);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.ReadJsonAsync())["externalReference"]!.GetValue<string>().ShouldBe("F/2026/001");
        created.Headers.Location!.OriginalString.ShouldBe("/api/v1/invoices/F%2F2026%2F001");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cancel_Twice_IsIdempotentAndLaterUpdatesConflict()
    {
        var client = await ClientWithPatientAsync();
        await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice());

        var first = await client.PostAsync("/api/v1/invoices/F-1/cancel", null);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await client.PostAsync("/api/v1/invoices/F-1/cancel", null);
        var update = await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice(amountDueCents: 1));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cancelled = await second.ReadJsonAsync();
        cancelled["status"]!.GetValue<string>().ShouldBe("Cancelled");
        cancelled["updatedAt"]!.ToString().ShouldBe((await first.ReadJsonAsync())["updatedAt"]!.ToString());
        update.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        update.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Put_InvalidFields_Returns400WithAnErrorPerFieldAndWritesNothing()
    {
        var client = await ClientWithPatientAsync();

        var response = await client.PutJsonAsync("/api/v1/invoices/F-1", new
        {
            patientReference = "P-1",
            amountDueCents = -5,
            currency = "USD",
            issueDate = "2026-02-10",
            dueDate = "2026-02-01",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        errors.Select(error => error.Key).ShouldBe(["amountDueCents", "currency", "dueDate"], ignoreOrder: true);
        (await client.GetAsync("/api/v1/invoices/F-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(0, "2026-02-01", "2026-03-01", "amountDueCents")]
    [InlineData(12345, "1999-12-31", "2000-01-30", "issueDate")]
    [InlineData(12345, "9999-12-30", "9999-12-31", "issueDate")]
    [InlineData(12345, "2026-02-01", "9999-12-31", "dueDate")]
    [InlineData(12345, "2026-02-01", "2029-02-02", "dueDate")]
    [InlineData(12345, "2026-02-01", "0001-01-01", "dueDate")]
    public async Task Put_AZeroAmountOrADateOutsideTheWindow_Returns400NamingTheField(
        long amountDueCents, string issueDate, string dueDate, string field)
    {
        var client = await ClientWithPatientAsync();

        var response = await client.PutJsonAsync("/api/v1/invoices/F-1", new { patientReference = "P-1", amountDueCents, issueDate, dueDate });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadJsonAsync())["errors"]!.AsObject().Select(error => error.Key).ShouldBe([field]);
        (await client.GetAsync("/api/v1/invoices/F-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_DatesAtTheEdgesOfTheWindow_AreAccepted()
    {
        var client = await ClientWithPatientAsync();
        // Tomorrow on the practice's clock (Paris), and a due date three years after the issue date.
        var tomorrow = PracticeToday().AddDays(1);

        var response = await client.PutJsonAsync("/api/v1/invoices/F-1", new
        {
            patientReference = "P-1",
            amountDueCents = 1,
            issueDate = tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            dueDate = tomorrow.AddYears(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var dayAfter = await client.PutJsonAsync("/api/v1/invoices/F-2", new
        {
            patientReference = "P-1",
            amountDueCents = 1,
            issueDate = tomorrow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            dueDate = tomorrow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        dayAfter.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await dayAfter.ReadJsonAsync())["errors"]!["issueDate"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Put_AnotherPatientReference_Returns409UnlessTheMoveIsRequested()
    {
        var client = await ClientWithPatientAsync();
        (await client.PutJsonAsync("/api/v1/patients/P-2", Requests.Patient("Paul"))).EnsureSuccessStatusCode();
        (await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice("P-1"))).EnsureSuccessStatusCode();

        var silent = await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice("P-2"));
        var stillFirst = await (await client.GetAsync("/api/v1/invoices/F-1")).ReadJsonAsync();
        var requested = await client.PutJsonAsync("/api/v1/invoices/F-1?movePatient=true", Requests.Invoice("P-2"));

        silent.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        silent.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await silent.ReadJsonAsync())["detail"]!.GetValue<string>().ShouldContain("movePatient=true");
        stillFirst["patientReference"]!.GetValue<string>().ShouldBe("P-1");
        requested.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await requested.ReadJsonAsync())["patientReference"]!.GetValue<string>().ShouldBe("P-2");
        (await (await client.GetAsync("/api/v1/invoices/F-1")).ReadJsonAsync())["patientReference"]!.GetValue<string>().ShouldBe("P-2");
    }

    [Fact]
    public async Task Put_UnknownPatient_Returns400OnPatientReference()
    {
        var client = await ClientWithPatientAsync();

        var response = await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice(patientReference: "nobody"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync())["errors"]!["patientReference"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("{\"patientReference\": \"P-1\", ", null)]
    [InlineData("{\"patientReference\": \"P-1\", \"amountDueCents\": \"12,50\"}", "amountDueCents")]
    [InlineData("{\"patientReference\": \"P-1\", \"amountDueCents\": 12.5}", "amountDueCents")]
    [InlineData("{\"patientReference\": \"P-1\", \"dueDate\": \"01/03/2026\"}", "dueDate")]
    [InlineData("{\"patientReference\": \"P-1\", \"amount\": 1250}", "amount")]
    public async Task Put_UnreadableJson_Returns400ProblemJson(string json, string? field)
    {
        var client = await ClientWithPatientAsync();

        var response = await client.PutRawAsync("/api/v1/invoices/F-1", json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        if (field is null)
        {
            problem["detail"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        }
        else
        {
            problem["errors"]![field].ShouldNotBeNull();
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("rbk_not-a-real-key")]
    public async Task Requests_WithoutAValidKey_Return401ProblemJson(string? apiKey)
    {
        factory.StartServer();
        using var client = factory.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        var response = await client.GetAsync("/api/v1/invoices/F-1");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Requests_WithARevokedKey_Return401()
    {
        var practice = await TestPractice.CreateAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var revoke = scope.ServiceProvider.GetRequiredService<RevokeApiKey>();
            (await revoke.HandleAsync(practice.Id, practice.ApiKey[..12], CancellationToken.None)).ShouldBeTrue();
        }

        using var client = factory.CreateApiClient(practice.ApiKey);

        (await client.GetAsync("/api/v1/invoices/F-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnotherPractice_NeverSeesOrTouchesTheInvoice()
    {
        var owner = await ClientWithPatientAsync();
        await owner.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice());
        var other = factory.CreateApiClient((await TestPractice.CreateAsync(factory, "Cabinet Voisin")).ApiKey);

        (await other.GetAsync("/api/v1/invoices/F-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync("/api/v1/invoices/F-1/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await other.GetAsync("/api/v1/patients/P-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mine = await (await owner.GetAsync("/api/v1/invoices/F-1")).ReadJsonAsync();
        mine["status"]!.GetValue<string>().ShouldBe("Open");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApiKeyScheme()
    {
        factory.StartServer();
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/openapi/v1.json");

        var scheme = document!["components"]!["securitySchemes"]!["PracticeApiKey"]!;
        scheme["in"]!.GetValue<string>().ShouldBe("header");
        scheme["name"]!.GetValue<string>().ShouldBe("X-Api-Key");
        var put = document["paths"]!["/api/v1/invoices/{externalReference}"]!["put"]!;
        put["summary"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        put["security"]!.AsArray().ShouldNotBeEmpty();
    }

    private DateOnly PracticeToday() => DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    private async Task<HttpClient> ClientWithPatientAsync()
    {
        var client = factory.CreateApiClient((await TestPractice.CreateAsync(factory)).ApiKey);
        (await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        return client;
    }
}
