using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RelanceBot.Delivery;

namespace RelanceBot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (<see cref="IOutbox"/>), its dispatcher running in the background (unless <c>Outbox:DispatcherEnabled</c>
    /// is false) and the chat and e-mail deliveries, with options validated at startup.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<IOutbox, EfOutbox>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<DeliveryFallback>();
        services.AddScoped<DeliveryConfigurationAlerts>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddDelivery();
        return services;
    }
}
