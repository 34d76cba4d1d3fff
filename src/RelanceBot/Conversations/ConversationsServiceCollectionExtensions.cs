using RelanceBot.BotFramework.Hosting;
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
        services.AddScoped<IBot, PatientBot>();
        return services;
    }
}
