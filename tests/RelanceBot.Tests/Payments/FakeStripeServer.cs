using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelanceBot.Payments.DemoCheckout;
using RelanceBot.Tests.BotFramework.TestInfrastructure;

namespace RelanceBot.Tests.Payments;

/// <summary>
/// Stripe on 127.0.0.1: the bot's Stripe emulator on its own Kestrel server, answering with the shapes of Stripe's
/// published fixtures (ids, amounts, currency and metadata overridden) and signing its webhooks with
/// <see cref="WebhookSecret"/>. Set <see cref="WebhookUrl"/> before the first call.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    public const string ApiKey = "sk_test_fake";
    public const string WebhookSecret = "whsec_test_fake_secret";

    private static readonly Lazy<JsonObject> Fixtures = new(() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stripe", "fixtures3.json")))!["resources"]!);

    private readonly WebApplication _app;

    private FakeStripeServer(WebApplication app) => _app = app;

    public Uri BaseAddress => _app.BaseAddress();

    public Uri? WebhookUrl { get; set; }

    public DemoStripe Stripe => _app.Services.GetRequiredService<DemoStripe>();

    public static async Task<FakeStripeServer> StartAsync(FakeTimeProvider clock)
    {
        var builder = LoopbackServer.CreateBuilder();
        FakeStripeServer? server = null;
        // Built on first use, once the test has told where the bot's webhook is.
        builder.Services.AddSingleton(_ => new DemoStripe(
            new DemoStripeSettings(server!.WebhookUrl ?? throw new InvalidOperationException("Set WebhookUrl first."), WebhookSecret, Template),
            new HttpClient(),
            clock));
        var app = builder.Build();
        app.MapDemoStripe();
        server = new FakeStripeServer(app);
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static JsonObject Template(string objectType) =>
        Fixtures.Value[objectType]?.DeepClone() as JsonObject ?? [];
}
