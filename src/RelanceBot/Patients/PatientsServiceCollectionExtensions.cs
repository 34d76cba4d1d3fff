namespace RelanceBot.Patients;

public static class PatientsServiceCollectionExtensions
{
    /// <summary>Patients as the practice software sends them, and the e-mail unsubscribe links (signed by Data Protection).</summary>
    public static IServiceCollection AddPatients(this IServiceCollection services)
    {
        services.AddScoped<UpsertPatient>();
        services.AddDataProtection();
        services.AddSingleton<EmailUnsubscribe>();
        return services;
    }
}
