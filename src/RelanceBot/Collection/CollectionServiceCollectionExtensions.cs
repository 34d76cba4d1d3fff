namespace RelanceBot.Collection;

public static class CollectionServiceCollectionExtensions
{
    /// <summary>Hand-off to collection (on the practitioner's approval), its file, and its end (recovered or returned).</summary>
    public static IServiceCollection AddCollection(this IServiceCollection services)
    {
        services.AddScoped<HandOverToCollection>();
        services.AddScoped<EndCollection>();
        services.AddScoped<CollectionFileQuery>();
        return services;
    }
}
