using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelanceBot.Sms.DemoTwilio;
using RelanceBot.Tests.BotFramework.TestInfrastructure;

namespace RelanceBot.Tests.Sms;

/// <summary>Twilio's Messages API on 127.0.0.1: the bot's Twilio fake on its own Kestrel server, with the fixtures' Auth Token.</summary>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    /// <summary>The token the fixtures' webhook signatures were computed with.</summary>
    public const string AuthToken = "0123456789abcdef0123456789abcdef";

    private readonly WebApplication _app;

    private FakeTwilioServer(WebApplication app) => _app = app;

    public Uri BaseAddress => _app.BaseAddress();

    public DemoTwilioServer Twilio => _app.Services.GetRequiredService<DemoTwilioServer>();

    public static async Task<FakeTwilioServer> StartAsync(FakeTimeProvider clock, Uri webhookUrl)
    {
        var builder = LoopbackServer.CreateBuilder();
        builder.Services.AddSingleton(_ => new DemoTwilioServer(webhookUrl, new HttpClient(), clock, AuthToken));
        var app = builder.Build();
        app.MapDemoTwilio();
        await app.StartAsync();
        return new FakeTwilioServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
