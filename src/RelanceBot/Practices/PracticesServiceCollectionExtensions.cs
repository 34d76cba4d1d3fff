namespace RelanceBot.Practices;

public static class PracticesServiceCollectionExtensions
{
    public static IServiceCollection AddPractices(this IServiceCollection services)
    {
        services.AddScoped<AddPractice>();
        services.AddScoped<SetPracticeLanguage>();
        services.AddScoped<PracticeLanguages>();
        services.AddScoped<IssueApiKey>();
        services.AddScoped<RevokeApiKey>();
        services.AddScoped<RegisterStaff>();
        return services;
    }
}
