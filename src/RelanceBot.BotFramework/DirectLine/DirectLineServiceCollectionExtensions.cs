using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RelanceBot.BotFramework.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The built-in Direct Line channel: options (validated at start), tokens, the in-memory store, the endpoint.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectLineStore, InMemoryDirectLineStore>();
        services.TryAddSingleton<DirectLineTokens>();
        services.TryAddSingleton<DirectLineAccounts>();
        services.TryAddSingleton<DirectLineAuthorizer>();
        services.TryAddSingleton<DirectLineConnector>();
        services.TryAddSingleton(provider => new DirectLineConversations(
            provider.GetRequiredService<IDirectLineStore>(), provider.GetRequiredService<DirectLineTokens>()));
        services.TryAddSingleton<DirectLineRequestHandler>();
        services.TryAddSingleton<DirectLineStream>();
        return services;
    }
}
