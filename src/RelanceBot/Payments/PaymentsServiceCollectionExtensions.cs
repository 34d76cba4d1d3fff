using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RelanceBot.Payments.DemoCheckout;
using RelanceBot.Payments.Stripe;
using Stripe;

namespace RelanceBot.Payments;

public static class PaymentsServiceCollectionExtensions
{
    private const string StripeHttpClient = "stripe";

    /// <summary>
    /// Pay links, the Stripe webhook, Stripe.net (or the demo emulator when no key is configured) and the patient's
    /// payment notices.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<PaymentsOptions>()
            .BindConfiguration(PaymentsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentsOptions>, PaymentsOptionsValidator>());
        services.AddHttpClient(StripeHttpClient);
        services.AddSingleton(CreateStripeClient);
        services.AddSingleton(CreateDemoStripe);
        services.AddScoped<StripeAccounts>();
        services.AddScoped<ConnectStripeAccount>();
        services.AddScoped<IPaymentGateway, StripePaymentGateway>();
        services.AddScoped<StripeEventProcessor>();
        services.AddScoped<IPaymentLinks, PaymentLinks>();
        services.AddScoped<PaymentLedger>();
        services.AddScoped<StartCheckout>();
        services.AddSingleton(provider => PatientNoticeTexts.Load(
            Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, "Payments", "Messages")));
        services.AddScoped<IPatientNotifier, OutboxPatientNotifier>();
        return services;
    }

    /// <summary>The pay link pages, the Stripe webhook and, in demo mode, the emulator and its checkout page.</summary>
    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPayLinks();
        endpoints.MapStripeWebhook();
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<PaymentsOptions>>().Value.Stripe.IsDemo)
        {
            endpoints.MapDemoStripe(DemoStripe.PathPrefix);
        }

        return endpoints;
    }

    private static StripeClient CreateStripeClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PaymentsOptions>>().Value;
        var stripe = options.Stripe;
        var apiBase = (stripe.IsDemo ? new Uri(options.PublicBaseUrl, DemoStripe.PathPrefix) : stripe.ApiBase).AbsoluteUri.TrimEnd('/');
        var httpClient = new SystemNetHttpClient(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(StripeHttpClient),
            stripe.MaxNetworkRetries,
            appInfo: null,
            enableTelemetry: false);
        return new StripeClient(new StripeClientOptions
        {
            ApiKey = stripe.IsDemo ? DemoStripe.ApiKey : stripe.SecretKey,
            ApiBase = apiBase,
            // Nothing may ever reach another Stripe host than the one configured.
            ConnectBase = apiBase,
            FilesBase = apiBase,
            MeterEventsBase = apiBase,
            HttpClient = httpClient,
        });
    }

    private static DemoStripe CreateDemoStripe(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PaymentsOptions>>().Value;
        return new DemoStripe(
            new DemoStripeSettings(new Uri(options.PublicBaseUrl, StripeWebhookEndpoint.Path), DemoStripe.WebhookSecret),
            services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DemoStripe)),
            services.GetRequiredService<TimeProvider>());
    }
}
