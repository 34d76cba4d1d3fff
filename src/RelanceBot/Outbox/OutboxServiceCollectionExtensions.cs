namespace RelanceBot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<IOutbox, EfOutbox>();
        return services;
    }
}
