using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace RelanceBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    private const string JobGroup = "relancebot";

    /// <summary>Declares a job of the calling capability; <see cref="AddScheduling"/> gives it its Quartz trigger.</summary>
    /// <param name="lease">See <see cref="ScheduledJob.Lease"/>; ten minutes unless given.</param>
    public static IServiceCollection AddScheduledJob<TWork>(
        this IServiceCollection services, string name, TimeSpan interval, TimeSpan firstRunDelay, TimeSpan? lease = null)
        where TWork : class, IScheduledWork
    {
        services.TryAddScoped<TWork>();
        services.AddSingleton(new ScheduledJob(name, typeof(TWork), interval, firstRunDelay, lease ?? TimeSpan.FromMinutes(10)));
        return services;
    }

    /// <summary>
    /// The one Quartz scheduler (RAM store: the schedule itself lives in the app's tables) with a trigger per declared
    /// job, starting on the container's clock. Call after every capability has declared its jobs. Which instance runs
    /// a period is the <see cref="IJobLease"/>'s choice (in process unless a scale-out provider replaces it).
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName);
        services.TryAddSingleton<IJobLease, InProcessJobLease>();
        services.AddSingleton<ScheduledJobRunner>();
        var jobs = services.Where(service => service.ServiceType == typeof(ScheduledJob))
            .Select(service => (ScheduledJob)service.ImplementationInstance!)
            .ToList();
        services.AddQuartz(quartz =>
        {
            foreach (var job in jobs)
            {
                quartz.ScheduleJob<QuartzScheduledJob>(
                    (container, trigger) => trigger
                        .WithIdentity(job.Name, JobGroup)
                        .StartAt(container.GetRequiredService<TimeProvider>().GetUtcNow() + job.FirstRunDelay)
                        .WithSimpleSchedule(schedule => schedule.WithInterval(job.Interval).RepeatForever()),
                    (_, configure) => configure.WithIdentity(job.Name, JobGroup));
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
