using RelanceBot.Scheduling;

namespace RelanceBot.Plans;

public static class PlansServiceCollectionExtensions
{
    /// <summary>How often installments and deferred payments are looked at: a due day is never missed by much.</summary>
    private static readonly TimeSpan SchedulerInterval = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Installment plans and deferred payments: requests, staff decisions, and the scheduled jobs that charge
    /// installments and send deferred-payment links on their dates.
    /// </summary>
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddOptions<PlansOptions>()
            .BindConfiguration(PlansOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<PracticePlanTerms>();
        services.AddScoped<RequestInstallmentPlan>();
        services.AddScoped<DecideInstallmentPlan>();
        services.AddScoped<DeferPayment>();
        services.AddScoped<InstallmentCharges>();
        services.AddScoped<DeferredPaymentLinks>();

        // The first run waits one interval, so a restart does not race a run still settling.
        services.AddScheduledJob<InstallmentChargeJob>(InstallmentChargeJob.Name, SchedulerInterval, SchedulerInterval);
        services.AddScheduledJob<DeferredPaymentLinksJob>(DeferredPaymentLinksJob.Name, SchedulerInterval, SchedulerInterval);
        return services;
    }
}
