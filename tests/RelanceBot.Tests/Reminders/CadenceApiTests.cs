using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Reminders;

public sealed class CadenceApiTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task Get_without_a_saved_policy_returns_the_default_switched_off()
    {
        var api = factory.CreateApiClient((await TestPractice.CreateAsync(factory)).ApiKey);

        var cadence = await (await api.GetAsync("/api/v1/cadence")).ReadJsonAsync();

        cadence["isEnabled"]!.GetValue<bool>().ShouldBeFalse();
        cadence["legalMinimumCents"]!.GetValue<long>().ShouldBe(3000);
        cadence["steps"]!.AsArray().Select(step => step!["offsetDays"]!.GetValue<int>()).ShouldBe([-5, 1, 7, 15, 30, 30, 45, 60]);
        cadence["timeZoneId"]!.GetValue<string>().ShouldBe("Europe/Paris");
    }

    [Fact]
    public async Task Put_an_invalid_policy_returns_400_per_field_and_saves_nothing()
    {
        var api = factory.CreateApiClient((await TestPractice.CreateAsync(factory)).ApiKey);
        var cadence = await (await api.GetAsync("/api/v1/cadence")).ReadJsonAsync();
        cadence["timeZoneId"] = "Mars/Olympus";
        cadence["maxUnsolicitedContacts"] = 0;
        cadence["steps"]![1]!["tone"] = "Firm"; // D+1 firm, then D+7 courteous: the tone would fall
        cadence["steps"]![2]!["template"] = "no-such-template";

        var response = await api.PutAsJsonAsync("/api/v1/cadence", cadence);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        errors.Select(error => error.Key).ShouldBe(
            ["timeZoneId", "maxUnsolicitedContacts", "steps[2].tone", "steps[2].template"], ignoreOrder: true);
        (await (await api.GetAsync("/api/v1/cadence")).ReadJsonAsync())["timeZoneId"]!.GetValue<string>().ShouldBe("Europe/Paris");
    }

    [Fact]
    public async Task Put_a_valid_policy_round_trips()
    {
        var api = factory.CreateApiClient((await TestPractice.CreateAsync(factory)).ApiKey);
        var cadence = await (await api.GetAsync("/api/v1/cadence")).ReadJsonAsync();
        cadence["isEnabled"] = true;
        cadence["includeAlsaceMoselleHolidays"] = true;
        cadence["legalMinimumCents"] = 5000;

        (await api.PutAsJsonAsync("/api/v1/cadence", cadence)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var saved = await (await api.GetAsync("/api/v1/cadence")).ReadJsonAsync();
        saved["includeAlsaceMoselleHolidays"]!.GetValue<bool>().ShouldBeTrue();
        saved["legalMinimumCents"]!.GetValue<long>().ShouldBe(5000);
        JsonNode.DeepEquals(saved["steps"], cadence["steps"]).ShouldBeTrue();
    }

    [Fact]
    public async Task A_fee_overrun_for_a_CSS_patient_is_refused_with_the_reason()
    {
        var api = factory.CreateApiClient((await TestPractice.CreateAsync(factory)).ApiKey);
        (await api.PutJsonAsync("/api/v1/patients/P-CSS", new
        {
            firstName = "Jeanne", lastName = "Martin", dateOfBirth = "1980-02-03", phone = "06 12 34 56 78", language = "fr", isCssBeneficiary = true,
        })).EnsureSuccessStatusCode();

        var response = await api.PutJsonAsync("/api/v1/invoices/F-CSS", new
        {
            patientReference = "P-CSS", amountDueCents = 5000, issueDate = "2026-02-01", dueDate = "2026-03-01", isFeeOverrun = true,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync())["errors"]!["isFeeOverrun"]![0]!.GetValue<string>().ShouldContain("Complémentaire santé solidaire");
        (await api.GetAsync("/api/v1/invoices/F-CSS")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
