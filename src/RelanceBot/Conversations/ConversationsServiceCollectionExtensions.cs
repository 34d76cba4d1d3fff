using RelanceBot.Conversations.Messages;

namespace RelanceBot.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton(provider => MessageCatalog.Load(
            Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, "Conversations", "Messages")));
        services.AddScoped<ConversationReferenceStore>();
        services.AddScoped<ConversationLinker>();
        // Registered as itself: the app's IBot is a router that hands patient traffic to it.
        services.AddScoped<PatientBot>();
        return services;
    }
}
