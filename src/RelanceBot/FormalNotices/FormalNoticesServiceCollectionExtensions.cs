using RelanceBot.Outbox;

namespace RelanceBot.FormalNotices;

public static class FormalNoticesServiceCollectionExtensions
{
    /// <summary>The mise en demeure as a letter: its wording (checked at startup), issuing, delivery record and staff links.</summary>
    public static IServiceCollection AddFormalNotices(this IServiceCollection services)
    {
        services.AddSingleton(provider => FormalNoticeLetter.Load(
            Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, "FormalNotices", "Messages")));
        services.AddDataProtection();
        services.AddSingleton<FormalNoticeStaffLinks>();
        services.AddScoped<FormalNoticeIssuer>();
        services.AddScoped<IOutboxOutcomeObserver, FormalNoticeDeliveryRecorder>();
        return services;
    }
}
