using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RelanceBot.Delivery;
using RelanceBot.Payments;
using RelanceBot.Sms.DemoTwilio;

namespace RelanceBot.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>The SMS channel: options (checked at start), the Twilio sender and delivery, the inbound webhook's helpers.</summary>
    public static IServiceCollection AddSms(this IServiceCollection services)
    {
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>());
        services.AddHttpClient(TwilioSmsSender.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio.Timeout)
            .AddHttpMessageHandler(provider => new TwilioApiBaseHandler(TwilioSmsSender.ApiBaseOf(
                provider.GetRequiredService<IOptions<SmsOptions>>().Value, provider.GetRequiredService<IOptions<PaymentsOptions>>().Value)))
            // The library sends no redirects it expects to follow (its own default handler turns them off).
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddScoped<ISmsSender, TwilioSmsSender>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageDelivery, SmsDelivery>());
        services.TryAddScoped<SmsConversations>();
        services.AddHttpClient(nameof(DemoTwilioServer));
        services.TryAddSingleton(provider => new DemoTwilioServer(
            new Uri(provider.GetRequiredService<IOptions<PaymentsOptions>>().Value.PublicBaseUrl, TwilioWebhookEndpoint.Path),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DemoTwilioServer)),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The inbound webhook, and in demo mode the fake Twilio API on the bot itself.</summary>
    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTwilioWebhook();
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<SmsOptions>>().Value.Provider == SmsProvider.Demo)
        {
            endpoints.MapDemoTwilio(DemoTwilioServer.PathPrefix);
        }

        return endpoints;
    }
}
