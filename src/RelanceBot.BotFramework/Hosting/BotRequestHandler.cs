using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework.Authentication;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: read and check the activity, authenticate it, drop duplicates, run the turn, and answer
/// with the status codes of botbuilder-dotnet's CloudAdapter. Bad input is always a 4xx problem, never a 500.
/// </summary>
internal sealed class BotRequestHandler(
    IActivityAuthenticator authenticator,
    IActivityDeduplicator deduplicator,
    IOptions<BotFrameworkOptions> options,
    ILogger<BotRequestHandler> logger)
{
    private const int ReadChunkSize = 16 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var result = await ProcessAsync(context);
        await result.ExecuteAsync(context);
    }

    private async Task<IResult> ProcessAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            return Problem(StatusCodes.Status405MethodNotAllowed, "Method not allowed", "Activities must be POSTed.");
        }

        if (!request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "The activity must be sent as application/json.");
        }

        var body = await ReadBoundedBodyAsync(context);
        if (body is null)
        {
            return Problem(
                StatusCodes.Status413PayloadTooLarge,
                "Payload too large",
                $"The activity exceeds the limit of {options.Value.MaxRequestBodySize} bytes.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotFrameworkJson.Options);
        }
        catch (JsonException exception)
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                "Malformed activity",
                $"The body is not a valid JSON activity (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine}).");
        }

        if (activity is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", "The body must be a JSON activity object.");
        }

        var errors = ActivityValidator.Validate(activity);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(
                errors,
                detail: "The activity is missing required fields: " + string.Join(", ", errors.Keys) + ".",
                title: "Invalid activity");
        }

        var authentication = await authenticator.AuthenticateAsync(request.Headers.Authorization, activity, context.RequestAborted);
        if (!authentication.Succeeded)
        {
            return Problem(
                authentication.FailureStatusCode,
                authentication.FailureStatusCode == StatusCodes.Status403Forbidden ? "Forbidden" : "Unauthorized",
                authentication.FailureDetail!);
        }

        return await RunTurnOnceAsync(context, activity, authentication.Identity!);
    }

    private async Task<IResult> RunTurnOnceAsync(HttpContext context, Activity activity, BotCallerIdentity caller)
    {
        ActivityKey? key = string.IsNullOrEmpty(activity.Id)
            ? null
            : new ActivityKey(activity.ChannelId!, activity.Conversation!.Id!, activity.Id);
        if (key is { } claimed && deduplicator.TryBegin(claimed) is { IsDuplicate: true } duplicate)
        {
            logger.LogInformation("Duplicate delivery of {ActivityType} activity {ActivityId} ignored", activity.Type, activity.Id);
            return duplicate.PreviousInvokeResponse is { } previous ? InvokeResult(previous) : Results.Ok();
        }

        var connector = context.RequestServices.GetRequiredService<IConnectorClient>();
        var turn = new TurnContext(activity, caller, connector);
        try
        {
            var bot = context.RequestServices.GetRequiredService<IBot>();
            await bot.OnTurnAsync(turn, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Forget(key);
            return Results.Empty;
        }
        catch (Exception exception)
        {
            Forget(key);
            logger.LogError(exception, "The bot failed on {ActivityType} activity {ActivityId}", activity.Type, activity.Id);
            return Problem(StatusCodes.Status500InternalServerError, "Bot error", "The bot failed to process the activity.");
        }

        if (key is { } completed)
        {
            deduplicator.Complete(completed, turn.InvokeResponse);
        }

        return BuildTurnResult(activity, turn);
    }

    private static IResult BuildTurnResult(Activity activity, TurnContext turn)
    {
        var isInvoke = activity.IsType(ActivityTypes.Invoke);
        if (turn.ExpectsReplies)
        {
            var body = isInvoke ? turn.InvokeResponse?.Body : null;
            return Results.Json(new ExpectedReplies(turn.BufferedReplies, body), BotFrameworkJson.Options);
        }

        if (!isInvoke)
        {
            return Results.Ok();
        }

        return turn.InvokeResponse is { } invokeResponse
            ? InvokeResult(invokeResponse)
            : Problem(
                StatusCodes.Status501NotImplemented,
                "Invoke not implemented",
                $"The bot has no handler for the '{activity.Name}' invoke.");
    }

    private static IResult InvokeResult(InvokeResponse response) =>
        response.Body is null
            ? Results.StatusCode(response.Status)
            : Results.Json(response.Body, BotFrameworkJson.Options, statusCode: response.Status);

    private void Forget(ActivityKey? key)
    {
        if (key is { } claimed)
        {
            deduplicator.Abandon(claimed);
        }
    }

    /// <summary>Reads at most the configured size; returns null as soon as the body is larger, without buffering the rest.</summary>
    private async Task<byte[]?> ReadBoundedBodyAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodySize;
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var buffer = new ArrayBufferWriter<byte>(ReadChunkSize);
        try
        {
            while (true)
            {
                var read = await context.Request.Body.ReadAsync(buffer.GetMemory(ReadChunkSize), context.RequestAborted);
                if (read == 0)
                {
                    return buffer.WrittenSpan.ToArray();
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private static IResult Problem(int statusCode, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: statusCode, title: title);
}
