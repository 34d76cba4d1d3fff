namespace RelanceBot.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>What the process itself needs, beside any capability: memory given back when idle.</summary>
    public static IServiceCollection AddRuntime(this IServiceCollection services)
    {
        services.AddHostedService<IdleMemoryTrimmer>();
        return services;
    }
}
