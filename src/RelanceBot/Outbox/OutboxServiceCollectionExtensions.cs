using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RelanceBot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (<see cref="IOutbox"/>) and its dispatcher running in the background (unless
    /// <c>Outbox:DispatcherEnabled</c> is false), with options validated at startup. It sends through every
    /// <c>IMessageDelivery</c> the channels register (<c>AddDelivery</c>, <c>AddSms</c>).
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
        return services;
    }
}
