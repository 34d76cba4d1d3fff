using RelanceBot.Conversations.Messages;
using RelanceBot.Scheduling;

namespace RelanceBot.Collection;

public static class CollectionServiceCollectionExtensions
{
    private static readonly TimeSpan LimitationWatchInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Hand-off to collection (on the practitioner's approval), its file (CSV and PDF), its end (recovered or returned), and the
    /// hourly limitation watch.
    /// </summary>
    public static IServiceCollection AddCollection(this IServiceCollection services)
    {
        services.AddScoped<HandOverToCollection>();
        services.AddScoped<EndCollection>();
        services.AddScoped<CollectionFileQuery>();
        // The PDF reads in the practice's staff language, from the collection file's own catalog.
        services.AddSingleton(provider => new CollectionFilePdf(
            MessageCatalog.Load(Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, "Collection", "Messages"))));
        services.AddScoped<LimitationWatch>();
        // A warning 60 days ahead can wait an hour after a start.
        services.AddScheduledJob<LimitationWatchJob>(LimitationWatchJob.Name, LimitationWatchInterval, LimitationWatchInterval);
        return services;
    }
}
