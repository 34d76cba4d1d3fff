using Microsoft.Extensions.Options;
using RelanceBot.Auditing;
using RelanceBot.Persistence;

namespace RelanceBot.Cli;

/// <summary>Runs a command's work in its own DI scope, on an up-to-date database, under a named audit actor.</summary>
public static class CommandScope
{
    public static async Task<int> RunAsync(
        IServiceProvider services,
        string actor,
        Func<IServiceProvider, Task<int>> work,
        CancellationToken cancellationToken)
    {
        // Commands do not start the host, so the startup migration has to be asked for.
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedAuditActor>().Use(actor);
        return await work(scope.ServiceProvider);
    }
}
