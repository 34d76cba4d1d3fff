namespace RelanceBot.Alerts;

public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services) => services.AddScoped<StaffAlerts>();
}
