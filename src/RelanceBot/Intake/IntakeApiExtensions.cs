using RelanceBot.Collection;
using RelanceBot.Alerts;
using RelanceBot.FormalNotices;
using Microsoft.AspNetCore.Authorization;
using RelanceBot.Invoices;
using RelanceBot.Invoices.Import;
using RelanceBot.Patients;
using RelanceBot.Plans;
using RelanceBot.Practices;
using RelanceBot.Reminders;
using RelanceBot.Teams;

namespace RelanceBot.Intake;

/// <summary>The invoice intake REST API (<c>/api/v1</c>), authenticated by a practice API key.</summary>
public static class IntakeApiExtensions
{
    private static readonly AuthorizationPolicy PracticeApiKeyPolicy = new AuthorizationPolicyBuilder(PracticeApiKeyAuthentication.SchemeName)
        .RequireAuthenticatedUser()
        .RequireClaim(PracticeClaims.PracticeId)
        .Build();

    public static IServiceCollection AddIntakeApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures must reach BadRequestExceptionHandler in every environment, not become an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                PracticeApiKeyAuthentication.SchemeName, configureOptions: null);
        services.AddAuthorization();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>();
            options.AddOperationTransformer<ApiKeySecuritySchemeTransformer>();
        });
        services.AddScoped<UpsertPatient>();
        services.AddScoped<UpsertInvoice>();
        services.AddScoped<ImportInvoicesCsv>();
        return services;
    }

    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        endpoints.MapGroup("/api/v1")
            .RequireAuthorization(PracticeApiKeyPolicy)
            .MapPracticeSettings()
            .MapPatients()
            .MapInvoices()
            .MapFormalNotices()
            .MapCadence()
            .MapAlerts()
            .MapTeamsSetup()
            .MapPlans()
            .MapCollection();
        return endpoints;
    }
}
