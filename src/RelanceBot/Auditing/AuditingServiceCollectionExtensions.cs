using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RelanceBot.Auditing;

public static class AuditingServiceCollectionExtensions
{
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ScopedAuditActor>();
        services.TryAddScoped<IAuditActor>(provider => provider.GetRequiredService<ScopedAuditActor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, AuditInterceptor>());
        return services;
    }
}
