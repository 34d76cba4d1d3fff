using Microsoft.Extensions.DependencyInjection.Extensions;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.Conversations;
using RelanceBot.Persistence;
using RelanceBot.Scheduling;

namespace RelanceBot.ScaleOut;

public static class ScaleOutServiceCollectionExtensions
{
    /// <summary>
    /// On PostgreSQL, what several instances of the app must share moves into the database: activity de-duplication,
    /// the per-conversation turn lock and the scheduled jobs' leases. SQLite is one process and keeps the in-memory
    /// ones. Call after the capabilities that register those in-memory defaults and before <c>AddScheduling</c>.
    /// </summary>
    public static IHostApplicationBuilder AddScaleOut(this IHostApplicationBuilder builder)
    {
        if (DatabaseOptions.ProviderOf(builder.Configuration) != DatabaseProvider.PostgreSql)
        {
            return builder;
        }

        var services = builder.Services;
        services.Replace(ServiceDescriptor.Singleton<IActivityDeduplicator, DatabaseActivityDeduplicator>());
        services.Replace(ServiceDescriptor.Singleton<IConversationTurnLock, AdvisoryConversationTurnLock>());
        services.Replace(ServiceDescriptor.Singleton<IJobLease, DatabaseJobLease>());
        services.AddScheduledJob<ProcessedActivitiesPurge>(ProcessedActivitiesPurge.Name, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));
        return builder;
    }
}
