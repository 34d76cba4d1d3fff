using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RelanceBot.Tests.TestHost;

/// <summary>Request bodies as an outside client would write them: plain JSON, not the app's types.</summary>
public static class Requests
{
    public static object Patient(string firstName = "Jeanne", string? phone = "06 12 34 56 78") => new
    {
        firstName,
        lastName = "Martin",
        dateOfBirth = "1980-02-03",
        phone,
        email = "jeanne.martin@example.fr",
        language = "fr",
    };

    public static object Invoice(string patientReference = "P-1", long amountDueCents = 12345, long amountPaidCents = 0) => new
    {
        patientReference,
        amountDueCents,
        amountPaidCents,
        issueDate = "2026-02-01",
        dueDate = "2026-03-01",
        internalDescription = "Consultation",
    };

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body);

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string path, string json) =>
        await client.PutAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
