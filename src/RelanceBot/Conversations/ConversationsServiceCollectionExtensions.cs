using Microsoft.Extensions.DependencyInjection.Extensions;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.Conversations.Flows;
using RelanceBot.Conversations.Messages;
using RelanceBot.Understanding;

namespace RelanceBot.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>()
            .BindConfiguration(ConversationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => MessageCatalog.Load(
            Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, "Conversations", "Messages")));
        services.AddSingleton<IIntentRecognizer, IntentRecognizer>();
        services.AddSingleton<ConversationTurnGate>();
        services.TryAddSingleton<IConversationTurnLock, InProcessTurnLock>();
        services.AddScoped<ConversationReferenceStore>();
        services.AddScoped<ConversationStateStore>();
        services.AddScoped<ConversationLinker>();
        services.AddScoped<IdentityCheckThrottles>();
        services.AddScoped<PatientFiles>();
        services.AddScoped<PatientSession>();
        services.AddScoped<FlowRouter>();
        services.AddScoped<OptOuts>();
        services.AddScoped<ReminderPauses>();
        services.AddScoped<PatientDialogs>();
        services.AddScoped<PatientConversation>();
        // Registered as itself: the app's IBot is the router that hands patient traffic to it.
        services.AddScoped<PatientBot>();
        services.AddScoped<IBot, BotRouter>();

        services.AddScoped<IPatientFlow, MenuFlow>();
        services.AddScoped<IPatientFlow, PayNowFlow>();
        services.AddScoped<IPatientFlow, InstallmentsFlow>();
        services.AddScoped<IPatientFlow, DeferFlow>();
        services.AddScoped<IPatientFlow, AlreadyPaidFlow>();
        services.AddScoped<IPatientFlow, DisputeFlow>();
        services.AddScoped<IPatientFlow, HardshipFlow>();
        services.AddScoped<IPatientFlow, InvoiceDetailsFlow>();
        services.AddScoped<IPatientFlow, TalkToHumanFlow>();
        services.AddScoped<IPatientFlow, StopFlow>();
        services.AddScoped<IPatientFlow, IdentityFlow>();
        services.AddScoped<IPatientFlow, ConfirmIntentFlow>();
        return services;
    }
}
