using RelanceBot.Conversations.Messages;

namespace RelanceBot.Alerts;

public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddSingleton(provider => new StaffCatalog(
            MessageCatalog.Load(Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, "Alerts", "Messages"))));
        services.AddScoped<DecideApproval>();
        return services.AddScoped<StaffAlerts>();
    }
}
