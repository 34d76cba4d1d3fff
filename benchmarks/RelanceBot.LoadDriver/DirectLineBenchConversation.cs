using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RelanceBot.LoadDriver;

/// <summary>
/// Turns through the built-in Direct Line endpoint, as Web Chat in polling mode: the conversation is started with the
/// Direct Line secret, each turn is a POST (answered once the bot has handled it) and a GET of what follows the
/// watermark, where the bot's replies already are.
/// </summary>
internal sealed class DirectLineBenchConversation(HttpClient client, string secret, int index) : BenchConversation
{
    private readonly string _userId = $"bench-{index}";
    private string _conversationId = "";
    private string _token = "";
    private string _watermark = "";

    protected override async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", secret, $$"""{"user":{"id":"{{_userId}}"},"locale":"fr-FR"}""", cancellationToken);
        _conversationId = started["conversationId"]!.GetValue<string>();
        _token = started["token"]!.GetValue<string>();
        await ReadAfterWatermarkAsync(cancellationToken);
    }

    protected override async Task<string> PostAsync(string activityStart, CancellationToken cancellationToken)
    {
        var posted = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities", _token, activityStart + "}", cancellationToken);
        var id = posted["id"]!.GetValue<string>();
        var replies = await ReadAfterWatermarkAsync(cancellationToken);
        return string.Join("\n", replies
            .Where(activity => activity["replyToId"]?.GetValue<string>() == id)
            .Select(activity => activity["text"]?.GetValue<string>() ?? ""));
    }

    private async Task<List<JsonObject>> ReadAfterWatermarkAsync(CancellationToken cancellationToken)
    {
        var set = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities?watermark={_watermark}", _token, null, cancellationToken);
        _watermark = set["watermark"]!.GetValue<string>();
        return set["activities"]!.AsArray().Select(activity => activity!.AsObject()).ToList();
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string bearer, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!.AsObject()
            : throw new HttpRequestException($"{(int)response.StatusCode} on {method} {path}: {text}");
    }
}
