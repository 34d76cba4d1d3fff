using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RelanceBot.Outbox;
using RelanceBot.Reminders.Messages;
using RelanceBot.Scheduling;

namespace RelanceBot.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// The cadence engine: templates (checked at startup), the sweep scheduled every minute, the reminder send guard, the record of deliveries and the schedule interceptor. Needs an <c>IPaymentLinks</c>.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton(provider => ReminderTemplates.Load(
            Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, "Reminders", "Templates")));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, ReminderScheduleInterceptor>());
        services.AddSingleton<SweepDueReminders>();
        // One per batch, the batches of a page sharing one scope (and its connection's widened page cache).
        services.AddTransient<ReminderBatch>();
        services.AddScoped<ReminderWriter>();
        services.AddScoped<IOutboxSendGuard, ReminderSendGuard>();
        services.AddScoped<IOutboxOutcomeObserver, ReminderDeliveryRecorder>();
        services.AddScoped<CadencePolicies>();
        services.AddScoped<PreviewCadence>();
        services.AddScoped<DecideApproval>();
        // The API names the cadence's enums (the domain knows nothing of JSON).
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter<StepAction>());
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter<ReminderTone>());
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter<ChannelPreference>());
        });

        // Not at once: startup (migrations, a restart) settles first, and the sweep catches up anyway.
        services.AddScheduledJob<SweepRemindersJob>(SweepRemindersJob.Name, ReminderBatch.SweepInterval, ReminderBatch.SweepInterval);
        return services;
    }
}
