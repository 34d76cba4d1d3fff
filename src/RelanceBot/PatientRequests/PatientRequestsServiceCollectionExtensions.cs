namespace RelanceBot.PatientRequests;

public static class PatientRequestsServiceCollectionExtensions
{
    /// <summary>What a patient may ask for, wherever they ask it (chat or patient space).</summary>
    public static IServiceCollection AddPatientRequests(this IServiceCollection services)
    {
        services.AddScoped<ClaimPayment>();
        services.AddScoped<ContestInvoice>();
        services.AddScoped<RequestCallBack>();
        services.AddScoped<StopMessages>();
        return services;
    }
}
