using Microsoft.Extensions.Options;
using RelanceBot.Conversations.Messages;

namespace RelanceBot.Alerts;

public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new StaffTexts(
            MessageCatalog.Load(Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, "Alerts", "Messages")),
            BotLanguages.FromCode(provider.GetRequiredService<IOptions<AlertsOptions>>().Value.StaffLanguage) ?? BotLanguage.French));
        services.AddScoped<DecideApproval>();
        return services.AddScoped<StaffAlerts>();
    }
}
