using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RelanceBot.Auditing;
using RelanceBot.Persistence.PostgreSqlCopy;
using RelanceBot.Persistence.Sqlite;
using RelanceBot.Reminders;

namespace RelanceBot.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RelanceBotDbContext"/> for the provider named by <c>Database:Provider</c> on the
    /// <c>ConnectionStrings:RelanceBot</c> database, with concurrency versions and migrations at start; every
    /// <see cref="IInterceptor"/> registered by a capability (the audit log, reminder wake-ups) applies to it.
    /// </summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, ConcurrencyVersionInterceptor>());

        // The provider decides which context type (and so which migrations) to register: it must be known now.
        var provider = DatabaseOptions.ProviderOf(builder.Configuration);
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? DatabaseOptions.DefaultConnectionString;

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                AddPooledContext<SqliteRelanceBotDbContext>(builder.Services, options => options
                    .UseSqlite(connectionString)
                    .KeepSqliteConnectionOpen()
                    .AddInterceptors(new SqliteWalInterceptor(), new SqliteStatementCache()));
                builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<SqliteCheckpointer>(services, connectionString));
                builder.Services.AddHostedService(services => services.GetRequiredService<SqliteCheckpointer>());
                break;
            case DatabaseProvider.PostgreSql:
                AddPooledContext<PostgreSqlRelanceBotDbContext>(builder.Services, options => options.UseNpgsql(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'.");
        }

        builder.Services.AddScoped<IReminderStorage, ReminderStorage>();
        builder.Services.AddScoped<SqliteToPostgreSqlCopy>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseMigrator>());
        return builder;
    }

    /// <summary>
    /// Contexts kept for reuse: well above the concurrent work (parallel sends, turns, sweep batches). A context
    /// returned to a full pool is disposed, closing its connection, which a pooled SQLite context otherwise keeps open
    /// with its page cache.
    /// </summary>
    private const int PoolSize = 64;

    /// <summary>
    /// One <see cref="RelanceBotDbContext"/> per scope, leased from a pool: building a context's options and internal
    /// services for every request cost more than a chat turn's queries. Capabilities that act on every save
    /// (concurrency tokens, the audit log, reminder wake-ups) register a singleton <see cref="IInterceptor"/>;
    /// persistence applies them all without knowing any of them. What belongs to the scope (the audit actor) is handed
    /// to the leased context.
    /// </summary>
    private static void AddPooledContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> useProvider)
        where TContext : RelanceBotDbContext
    {
        services.AddPooledDbContextFactory<TContext>(
            (root, options) =>
            {
                useProvider(options);
                options.AddInterceptors(root.GetServices<IInterceptor>());
            },
            PoolSize);
        services.AddScoped<RelanceBotDbContext>(scope =>
        {
            var context = scope.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.AuditActor = scope.GetRequiredService<IAuditActor>();
            return context;
        });
    }
}
