using Quartz;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.Teams.Alerts;
using RelanceBot.Teams.Digest;
using RelanceBot.Teams.Linking;
using RelanceBot.Teams.Messages;

namespace RelanceBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>The staff's Teams channel; makes <see cref="TeamsStaffRouter"/> the app's bot.</summary>
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
        services.AddScoped<IBot, TeamsStaffRouter>();

        services.AddQuartz(quartz =>
        {
            EveryMinute<AlertCardsJob>(quartz);
            EveryMinute<DailyDigestJob>(quartz);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    private static void EveryMinute<TJob>(IQuartzBuilder quartz)
        where TJob : IJob
        => quartz.ScheduleJob<TJob>(
            // Not at once: a job's first run (EF queries compiled, its code jitted) took an eighth of the start's CPU,
            // competing with the first requests; nothing it does is due within the minute.
            trigger => trigger.StartAt(TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(1))
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()),
            job => job.WithIdentity(typeof(TJob).Name, "teams").DisallowConcurrentExecution(true));
}
