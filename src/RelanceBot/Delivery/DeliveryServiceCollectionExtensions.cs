using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RelanceBot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The chat (Bot Connector) and e-mail (SMTP) channels, one <see cref="IMessageDelivery"/> each.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<ChatDeliveryOptions>().BindConfiguration(ChatDeliveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageDelivery, BotFrameworkChatDelivery>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageDelivery, SmtpEmailDelivery>());
        return services;
    }
}
