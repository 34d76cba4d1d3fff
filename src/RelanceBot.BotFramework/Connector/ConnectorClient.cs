using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework.Authentication;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Connector;

/// <summary>
/// Typed <see cref="HttpClient"/> for the Connector. The bot token goes on every call, but only to trusted hosts
/// (checked before anything is sent); retries of throttling/transient answers live in the client's resilience handler.
/// </summary>
public sealed class ConnectorClient(
    HttpClient httpClient,
    IConnectorTokenProvider tokenProvider,
    TrustedServiceUrlPolicy trustPolicy,
    IOptions<BotFrameworkOptions> options,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    private const string CorrelationHeader = "X-Correlating-OperationId";

    public Task<ResourceResponse> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendResourceAsync(HttpMethod.Post, serviceUrl, ActivityPath(conversationId, activityId), activity, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendResourceAsync(HttpMethod.Post, serviceUrl, $"{ConversationPath(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendResourceAsync(HttpMethod.Put, serviceUrl, ActivityPath(conversationId, activityId), activity, cancellationToken);

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, serviceUrl, ActivityPath(conversationId, activityId), body: null, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        await SendForJsonAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken)
        ?? new ConversationResourceResponse();

    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(
        string serviceUrl, string conversationId, CancellationToken cancellationToken) =>
        await SendForJsonAsync<List<ChannelAccount>>(HttpMethod.Get, serviceUrl, $"{ConversationPath(conversationId)}/members", null, cancellationToken)
        ?? [];

    public async Task<ChannelAccount> GetConversationMemberAsync(
        string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        await SendForJsonAsync<ChannelAccount>(
            HttpMethod.Get, serviceUrl, $"{ConversationPath(conversationId)}/members/{Uri.EscapeDataString(memberId)}", null, cancellationToken)
        ?? throw new ConnectorException(System.Net.HttpStatusCode.NoContent, null, "The Connector returned no member.", null);

    // Teams ids contain ':', '@' and ';', which must not be read as URL syntax.
    private static string ConversationPath(string conversationId) => $"v3/conversations/{Uri.EscapeDataString(conversationId)}";

    private static string ActivityPath(string conversationId, string activityId) =>
        $"{ConversationPath(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";

    private async Task<ResourceResponse> SendResourceAsync(
        HttpMethod method, string serviceUrl, string path, Activity activity, CancellationToken cancellationToken) =>
        await SendForJsonAsync<ResourceResponse>(method, serviceUrl, path, activity, cancellationToken) ?? new ResourceResponse();

    /// <summary>Any 2xx is success; an empty body yields null (channels may answer 201/202 without one).</summary>
    private async Task<T?> SendForJsonAsync<T>(
        HttpMethod method, string serviceUrl, string path, object? body, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(method, serviceUrl, path, body, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, BotFrameworkJson.Options);
        }
        catch (JsonException)
        {
            logger.LogWarning("The Connector answered {Method} {Path} with a body that is not the expected JSON", method, path);
            return null;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string serviceUrl, string path, object? body, CancellationToken cancellationToken)
    {
        var uri = BuildUri(serviceUrl, path);
        if (!trustPolicy.IsTrusted(uri))
        {
            throw new UntrustedServiceUrlException(serviceUrl, trustPolicy.SettingName);
        }

        using var request = new HttpRequestMessage(method, uri);
        if (!options.Value.IsAnonymous)
        {
            var token = await tokenProvider.GetAccessTokenAsync(cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotFrameworkJson.Options))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            };
        }

        var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var errorBody = await response.Content.ReadAsStringAsync(cancellationToken);
            var (code, message) = ConnectorErrorParser.Parse(errorBody);
            var correlationId = response.Headers.TryGetValues(CorrelationHeader, out var values) ? values.FirstOrDefault() : null;
            logger.LogWarning(
                "Connector {Method} {Path} failed with {StatusCode} {ErrorCode} (correlation {CorrelationId})",
                method, path, (int)response.StatusCode, code, correlationId);
            throw new ConnectorException(response.StatusCode, code, message, correlationId);
        }
    }

    private static Uri BuildUri(string serviceUrl, string path)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The serviceUrl '{serviceUrl}' is not an absolute HTTP(S) URL.", nameof(serviceUrl));
        }

        // serviceUrl usually ends with '/' (https://smba.trafficmanager.net/emea/); without it the last segment would be dropped.
        var normalized = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        return new Uri(normalized, path);
    }
}
