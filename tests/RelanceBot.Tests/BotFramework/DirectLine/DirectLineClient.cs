using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace RelanceBot.Tests.BotFramework.DirectLine;

/// <summary>The Direct Line 3.0 REST calls as DirectLineJS makes them, with a bearer of the test's choosing.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public Task<HttpResponseMessage> StartAsync(string bearer, JsonObject? body = null)
        => SendAsync(HttpMethod.Post, "/v3/directline/conversations", bearer, body ?? new JsonObject { ["user"] = new JsonObject() });

    public Task<HttpResponseMessage> ReconnectAsync(string bearer, string conversationId, string? watermark = null)
        => SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}" + (watermark is null ? "" : $"?watermark={watermark}"), bearer);

    public Task<HttpResponseMessage> PostAsync(string bearer, string conversationId, JsonObject activity)
        => SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", bearer, activity);

    public Task<HttpResponseMessage> SayAsync(string bearer, string conversationId, string text)
        => PostAsync(bearer, conversationId, new JsonObject { ["type"] = "message", ["text"] = text, ["from"] = new JsonObject { ["id"] = "web-user" } });

    public Task<HttpResponseMessage> GetActivitiesAsync(string bearer, string conversationId, string? watermark = null)
        => SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", bearer);

    public Task<HttpResponseMessage> RefreshAsync(string bearer) => SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", bearer);

    public Task<HttpResponseMessage> GenerateAsync(string? bearer, JsonObject? body = null)
        => SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", bearer, body);

    /// <summary>The activity set after <paramref name="watermark"/>; fails the test on any other status.</summary>
    public async Task<JsonObject> ReadAsync(string bearer, string conversationId, string? watermark = null)
    {
        using var response = await GetActivitiesAsync(bearer, conversationId, watermark);
        return await BodyAsync(response, System.Net.HttpStatusCode.OK);
    }

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, JsonObject? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, contentType);
        }

        return await http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string bearer, string body, string contentType)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await http.SendAsync(request);
    }
}
