using System.Net;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Patients;

public sealed class PatientApiTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task Put_NewPatient_StoresThePhoneAsE164WithSmsAndEmailChannels()
    {
        var client = await ClientAsync();

        var response = await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient(phone: "06 12 34 56 78"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var patient = await response.ReadJsonAsync();
        patient["phone"]!.GetValue<string>().ShouldBe("+33612345678");
        patient["language"]!.GetValue<string>().ShouldBe("fr");
        patient["channels"]!.AsArray().Select(channel => channel!["kind"]!.GetValue<string>()).ShouldBe(["Sms", "Email"]);
    }

    [Fact]
    public async Task Put_SameBodyTwice_Returns201Then200WithTheSameState()
    {
        var client = await ClientAsync();
        var first = await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient());
        factory.Clock.Advance(TimeSpan.FromDays(1));

        var second = await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient());

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ReadJsonAsync()).ToJsonString().ShouldBe((await first.ReadJsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task Put_InvalidFields_Returns400PerField()
    {
        var client = await ClientAsync();

        var response = await client.PutJsonAsync("/api/v1/patients/P-1", new
        {
            firstName = "",
            lastName = "Martin",
            dateOfBirth = "2999-01-01",
            phone = "12",
            email = "not-an-address",
            language = "de",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        errors.Select(error => error.Key).ShouldBe(["firstName", "dateOfBirth", "phone", "email", "language"], ignoreOrder: true);
        (await client.GetAsync("/api/v1/patients/P-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_APostalAddress_StoresItsLinesTrimmedAndRefusesOneThatDoesNotFitAnEnvelope()
    {
        var client = await ClientAsync();

        var stored = await client.PutJsonAsync("/api/v1/patients/P-1", new
        {
            firstName = "Jeanne", lastName = "Martin", dateOfBirth = "1980-02-03", postalAddress = "  3 allée des Peupliers \r\n\n68100 Mulhouse ",
        });
        var tooLong = await client.PutJsonAsync("/api/v1/patients/P-2", new
        {
            firstName = "Paul", lastName = "Durand", dateOfBirth = "1980-02-03", postalAddress = new string('x', 39),
        });
        var openApi = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        stored.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await stored.ReadJsonAsync())["postalAddress"]!.GetValue<string>().ShouldBe("3 allée des Peupliers\n68100 Mulhouse");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.ReadJsonAsync())["errors"]!.AsObject().Select(error => error.Key).ShouldBe(["postalAddress"]);
        var schema = openApi["components"]!["schemas"]!["PatientRequest"]!;
        schema["properties"]!["postalAddress"]!["description"]!.GetValue<string>().ShouldContain("postal address");
        (schema["required"]?.AsArray().Select(name => name!.GetValue<string>()) ?? []).ShouldNotContain("postalAddress");
    }

    [Fact]
    public async Task Delete_DeactivatesThePatientAndPutReactivatesIt()
    {
        var client = await ClientAsync();
        await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient());

        var deleted = await client.DeleteAsync("/api/v1/patients/P-1");
        var deletedAgain = await client.DeleteAsync("/api/v1/patients/P-1");
        var afterDelete = await (await client.GetAsync("/api/v1/patients/P-1")).ReadJsonAsync();
        await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient());
        var afterPut = await (await client.GetAsync("/api/v1/patients/P-1")).ReadJsonAsync();

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        deletedAgain.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        afterDelete["isActive"]!.GetValue<bool>().ShouldBeFalse();
        afterPut["isActive"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task AnotherPractice_CannotDeactivateThePatient()
    {
        var owner = await ClientAsync();
        await owner.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient());
        var other = await ClientAsync("Cabinet Voisin");

        (await other.DeleteAsync("/api/v1/patients/P-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await owner.GetAsync("/api/v1/patients/P-1")).ReadJsonAsync())["isActive"]!.GetValue<bool>().ShouldBeTrue();
    }

    private async Task<HttpClient> ClientAsync(string practiceName = "Cabinet Dupont") =>
        factory.CreateApiClient((await TestPractice.CreateAsync(factory, practiceName)).ApiKey);
}
