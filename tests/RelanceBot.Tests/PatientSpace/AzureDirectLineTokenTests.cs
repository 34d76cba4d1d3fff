using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.Payments;
using Shouldly;
using Xunit;

namespace RelanceBot.Tests.PatientSpace;

/// <summary>
/// With <c>DirectLine:AzureSecret</c>, the patient space's chat token comes from Azure's <c>tokens/generate</c>, here a
/// fake on 127.0.0.1: the secret goes server to server only, the page gets the token, Azure's domain and a link token.
/// </summary>
public sealed class AzureDirectLineTokenTests : IAsyncLifetime
{
    private const string Secret = "azure-direct-line-secret-for-tests-0123456789";
    private readonly List<(string? Authorization, JsonObject? Body)> _requests = [];
    private WebApplication _azure = null!;
    private PaymentsTestHost _host = null!;
    private HttpStatusCode _answer = HttpStatusCode.OK;

    public async Task InitializeAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        _azure = builder.Build();
        _azure.MapPost("/v3/directline/tokens/generate", async (HttpRequest request) =>
        {
            _requests.Add((request.Headers.Authorization.ToString(), await request.ReadFromJsonAsync<JsonObject>()));
            return _answer == HttpStatusCode.OK
                ? Results.Json(new { conversationId = "azure-conversation-1", token = "azure-token-1", expires_in = 3600 })
                : Results.StatusCode((int)_answer);
        });
        await _azure.StartAsync();
        _host = await PaymentsTestHost.StartAsync(app =>
        {
            app.Settings["DirectLine:AzureSecret"] = Secret;
            app.Settings["DirectLine:AzureEndpoint"] = new Uri(_azure.BaseAddress(), "/v3/directline").AbsoluteUri;
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azure.DisposeAsync();
    }

    [Fact]
    public async Task TheTokenIsMintedByAzureWithTheSecret_WhichNeverReachesThePage()
    {
        var path = await _host.PayLinkPathAsync(await _host.CreateInvoiceAsync("F-1", 5000));
        var page = await _host.Browser.GetStringAsync(path);

        using var response = await PostChatAsync(path, page);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(Secret);
        page.ShouldNotContain(Secret);
        var grant = JsonNode.Parse(body)!.AsObject();
        grant["token"]!.GetValue<string>().ShouldBe("azure-token-1");
        grant["domain"]!.GetValue<string>().ShouldBe(new Uri(_azure.BaseAddress(), "/v3/directline").AbsoluteUri);
        grant["linkToken"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var (authorization, request) = _requests.ShouldHaveSingleItem();
        authorization.ShouldBe($"Bearer {Secret}");
        request!["user"]!["id"]!.GetValue<string>().ShouldStartWith("dl_");
        request["user"]!["name"]!.GetValue<string>().ShouldBe("Jeanne");
    }

    [Fact]
    public async Task AzureRefusing_Is503ForThePage_NeverA500()
    {
        _answer = HttpStatusCode.Forbidden;
        var path = await _host.PayLinkPathAsync(await _host.CreateInvoiceAsync("F-2", 5000));

        using var response = await PostChatAsync(path, await _host.Browser.GetStringAsync(path));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(Secret);
    }

    private Task<HttpResponseMessage> PostChatAsync(string path, string page)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path + "/chat");
        request.Headers.Add("RequestVerificationToken", PaymentsTestHost.AntiforgeryField(page));
        return _host.Browser.SendAsync(request);
    }
}
