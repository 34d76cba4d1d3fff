using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace RelanceBot.PatientSpace;

/// <summary>
/// A thin client of Azure's <c>POST /v3/directline/tokens/generate</c>: the secret goes in the Authorization header
/// of a server-to-server call, and only the conversation-scoped token it returns is handed to the page.
/// </summary>
public sealed class AzureDirectLineTokens(HttpClient http, IOptions<AzureDirectLineOptions> options)
{
    public async Task<AzureDirectLineGrant> GenerateAsync(string userId, string? userName, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.AzureEndpoint.AbsoluteUri.TrimEnd('/') + "/tokens/generate")
        {
            Content = JsonContent.Create(new { user = new { id = userId, name = userName } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AzureSecret);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var grant = await response.Content.ReadFromJsonAsync<AzureDirectLineGrant>(cancellationToken);
        return grant is { Token.Length: > 0 }
            ? grant
            : throw new HttpRequestException("Direct Line answered without a token.");
    }
}

/// <summary>Azure's answer: <c>{"conversationId", "token", "expires_in"}</c>.</summary>
public sealed record AzureDirectLineGrant(
    [property: JsonPropertyName("conversationId")] string? ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
