using RelanceBot.Scheduling;
using RelanceBot.Teams.Alerts;
using RelanceBot.Teams.Digest;
using RelanceBot.Teams.Linking;
using RelanceBot.Teams.Messages;

namespace RelanceBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>The staff's Teams channel: linking, alert cards and their actions, the daily digest, <see cref="StaffBot"/>.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => TeamsMessages.Load(
            Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, "Teams", "Messages")));
        services.AddScoped<TeamsChannelLinks>();
        services.AddScoped<TeamsChannelOutbox>();
        services.AddScoped<AlertCardSubjects>();
        services.AddSingleton<AlertCardComposer>();
        services.AddScoped<AlertActionHandler>();
        services.AddScoped<AlertCardUpdater>();
        services.AddScoped<AlertCardDispatcher>();
        services.AddScoped<IInstallmentPlanDecisions, InstallmentPlanDecisions>();
        services.AddScoped<DigestFiguresQuery>();
        services.AddSingleton<DigestCardComposer>();
        services.AddScoped<DailyDigest>();
        services.AddScoped<StaffBot>();

        services.AddScheduledJob<AlertCardsJob>(AlertCardsJob.Name, TimeSpan.FromMinutes(1), TimeSpan.Zero);
        services.AddScheduledJob<DailyDigestJob>(DailyDigestJob.Name, TimeSpan.FromMinutes(1), TimeSpan.Zero);
        return services;
    }
}
