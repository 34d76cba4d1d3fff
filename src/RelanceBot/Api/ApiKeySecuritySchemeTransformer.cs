using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RelanceBot.Api;

/// <summary>Declares the API key scheme in the OpenAPI document and requires it on the operations that use it.</summary>
internal sealed class ApiKeySecuritySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[PracticeApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = PracticeApiKeyAuthentication.HeaderName,
            Description = "The practice's API key, created with `practices add` or `practices add-key`.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var usesApiKey = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<AuthorizationPolicy>()
            .Any(policy => policy.AuthenticationSchemes.Contains(PracticeApiKeyAuthentication.SchemeName));
        if (usesApiKey)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(PracticeApiKeyAuthentication.SchemeName, context.Document)] = [],
            });
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing, unknown or revoked API key." });
        }

        return Task.CompletedTask;
    }
}
