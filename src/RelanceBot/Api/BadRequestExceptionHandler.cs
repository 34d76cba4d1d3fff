using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace RelanceBot.Api;

/// <summary>
/// Answers requests the framework could not bind (malformed JSON, a value of the wrong type, unknown members, wrong
/// content type) with problem+json instead of an empty 400: a per-field validation problem when the JSON reader can
/// say which field is wrong, the reader's explanation otherwise.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    private const string RootPath = "$.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var json = badRequest.InnerException as JsonException;
        var problem = json?.Path is { Length: > 2 } path && path.StartsWith(RootPath, StringComparison.Ordinal)
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [path[RootPath.Length..]] = ["Unknown field, or a value of the wrong type or format."],
            })
            : new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                // The reader's message names the offending member and position; it holds no secrets.
                Detail = json?.Message ?? badRequest.Message,
            };
        problem.Status = badRequest.StatusCode;
        problem.Title ??= "The request could not be read.";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }
}
