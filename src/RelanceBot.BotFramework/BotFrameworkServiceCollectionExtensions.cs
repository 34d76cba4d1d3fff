using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Polly;
using RelanceBot.BotFramework.Authentication;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.DirectLine;
using RelanceBot.BotFramework.Hosting;

namespace RelanceBot.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    public const string ConnectorResiliencePipelineName = "connector";

    /// <summary>
    /// Registers the protocol layer: options (validated at startup), inbound authentication, deduplication, the
    /// <c>/api/messages</c> handler, the Connector client and the built-in Direct Line channel. The app registers its own <see cref="IBot"/>.
    /// Services are added with TryAdd so tests and hosts can replace them.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        services.AddOptions<BotFrameworkOptions>()
            // The MicrosoftApp* keys live at the configuration root by convention (ABS templates, the SDKs).
            .Configure<IConfiguration>((options, configuration) => configuration.Bind(options))
            .BindConfiguration(BotFrameworkOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OpenIdMetadataCache>();
        services.TryAddSingleton<IActivityAuthenticator, JwtActivityAuthenticator>();
        services.TryAddSingleton<IActivityDeduplicator, InMemoryActivityDeduplicator>();
        services.TryAddSingleton<BotRequestHandler>();
        services.TryAddSingleton(provider => new InProcessChannel(provider.GetRequiredService<BotRequestHandler>()));
        services.TryAddSingleton<TrustedServiceUrlPolicy>();

        services.AddHttpClient(OpenIdMetadataCache.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.MetadataFetchTimeout);
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName);
        services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.TryAddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();

        services.AddHttpClient<IConnectorClient, ConnectorClient>()
            .AddResilienceHandler(ConnectorResiliencePipelineName, ConfigureConnectorRetries);
        services.AddDirectLine();
        return services;
    }

    /// <summary>
    /// Teams' retry guidance: 429 (honouring Retry-After), 412, 502, 503, 504 with exponential back-off and jitter;
    /// nothing else, since replaying a send after other failures risks duplicate messages.
    /// </summary>
    private static void ConfigureConnectorRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.ConnectorMaxRetryAttempts,
            Delay = options.ConnectorRetryBaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode is
                HttpStatusCode.TooManyRequests
                or HttpStatusCode.PreconditionFailed
                or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable
                or HttpStatusCode.GatewayTimeout),
        });
    }
}
