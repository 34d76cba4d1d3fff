namespace RelanceBot.Plans;

public static class PlansServiceCollectionExtensions
{
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
        return services;
    }
}
