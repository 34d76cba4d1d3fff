using Microsoft.AspNetCore.Diagnostics;

namespace RelanceBot.Intake;

/// <summary>
/// Answers requests the framework could not bind (malformed JSON, unknown members, wrong content type) with a
/// problem+json carrying the parser's explanation, instead of an empty 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                // The JSON reader's message names the offending member and position; it holds no secrets.
                Detail = badRequest.InnerException?.Message ?? badRequest.Message,
            },
        });
    }
}
