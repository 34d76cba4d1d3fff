using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.BotFramework;
using RelanceBot.BotFramework.DirectLine;
using RelanceBot.BotFramework.Hosting;

namespace RelanceBot.Tests.BotFramework.TestInfrastructure;

/// <summary>A real Kestrel host on 127.0.0.1 with only the protocol layer (<c>/api/messages</c> and the built-in Direct Line) and a <see cref="RecordingBot"/>.</summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private BotTestHost(WebApplication app, RecordingBot bot)
    {
        App = app;
        Bot = bot;
        Client = new HttpClient { BaseAddress = app.BaseAddress() };
    }

    public WebApplication App { get; }

    public RecordingBot Bot { get; }

    public HttpClient Client { get; }

    /// <summary>Anonymous mode (explicitly allowed) unless <paramref name="settings"/> configures an app id.</summary>
    public static async Task<BotTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string environmentName = "Production")
    {
        var builder = LoopbackServer.CreateBuilder(environmentName);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?> { ["BotFramework:AllowAnonymous"] = "true" });
        var bot = new RecordingBot();
        builder.Services.AddBotFramework();
        builder.Services.AddSingleton<IBot>(bot);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapBotFramework("/api/messages");
        app.MapDirectLine();
        await app.StartAsync();
        return new BotTestHost(app, bot);
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? bearerToken = null) =>
        PostRawAsync(activity.ToJsonString(), "application/json", bearerToken);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json", string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
