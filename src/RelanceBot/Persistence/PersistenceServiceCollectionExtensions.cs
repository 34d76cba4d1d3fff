using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RelanceBot.Auditing;

namespace RelanceBot.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RelanceBotDbContext"/> for the provider named by <c>Database:Provider</c> on the
    /// <c>ConnectionStrings:RelanceBot</c> database, with auditing, concurrency versions and migrations at start.
    /// </summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, ConcurrencyVersionInterceptor>());
        builder.Services.AddAuditing();

        // The provider decides which context type (and so which migrations) to register: it must be known now.
        var provider = builder.Configuration.GetSection(DatabaseOptions.SectionName)
            .GetValue(nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? DatabaseOptions.DefaultConnectionString;

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.Services.AddDbContext<RelanceBotDbContext, SqliteRelanceBotDbContext>((services, options) =>
                    Configure(options.UseSqlite(connectionString).AddInterceptors(new SqliteWalInterceptor()), services));
                builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<SqliteCheckpointer>(services, connectionString));
                builder.Services.AddHostedService(services => services.GetRequiredService<SqliteCheckpointer>());
                break;
            case DatabaseProvider.PostgreSql:
                builder.Services.AddDbContext<RelanceBotDbContext, PostgreSqlRelanceBotDbContext>((services, options) =>
                    Configure(options.UseNpgsql(connectionString), services));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'.");
        }

        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseMigrator>());
        return builder;
    }

    /// <summary>
    /// Capabilities that act on every save (concurrency tokens, the audit log, reminder wake-ups) register an
    /// <see cref="IInterceptor"/>; persistence applies them all without knowing any of them.
    /// </summary>
    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetServices<IInterceptor>());
}
