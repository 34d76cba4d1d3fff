using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using RelanceBot.Practices;

namespace RelanceBot.Api;

/// <summary>
/// What every HTTP endpoint shares: errors as problem+json (a request that cannot be bound included), the practice
/// API key, the OpenAPI document, <c>/health</c>, and the <c>/api/v1</c> group on which each capability maps its
/// practice-facing endpoints.
/// </summary>
public static class ApiServiceCollectionExtensions
{
    private static readonly AuthorizationPolicy PracticeApiKeyPolicy = new AuthorizationPolicyBuilder(PracticeApiKeyAuthentication.SchemeName)
        .RequireAuthenticatedUser()
        .RequireClaim(PracticeClaims.PracticeId)
        .Build();

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures must reach BadRequestExceptionHandler in every environment, not become an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(PracticeApiKeyAuthentication.SchemeName, configureOptions: null);
        services.AddAuthorization();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>();
            options.AddOperationTransformer<ApiKeySecuritySchemeTransformer>();
        });
        return services;
    }

    /// <summary>
    /// The error pages, <c>/health</c> and the OpenAPI document; returns the <c>/api/v1</c> group, open only to a
    /// practice's API key. First in the pipeline, so that every later endpoint's errors are problem+json.
    /// </summary>
    public static RouteGroupBuilder MapApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/health", () => Results.Ok());
        app.MapOpenApi();
        return app.MapGroup("/api/v1").RequireAuthorization(PracticeApiKeyPolicy);
    }
}
