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
    TrustedServiceUrlPolicy serviceUrlPolicy,
    IOptions<BotFrameworkOptions> options,
    ILogger<BotRequestHandler> logger)
{
    /// <summary>First buffer for a body sent without Content-Length (chunked); it doubles as needed.</summary>
    private const int UnknownLengthBufferSize = 4 * 1024;

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

        var (activity, unreadable) = await ReadActivityAsync(context);
        if (activity is null)
        {
            return unreadable!;
        }

        if (ValidateEnvelope(activity) is { } invalid)
        {
            return invalid;
        }

        var authentication = await authenticator.AuthenticateAsync(request.Headers.Authorization, activity, context.RequestAborted);
        if (!authentication.Succeeded)
        {
            return Problem(
                authentication.FailureStatusCode,
                authentication.FailureStatusCode == StatusCodes.Status403Forbidden ? "Forbidden" : "Unauthorized",
                authentication.FailureDetail!);
        }

        if (authentication.Identity!.IsAnonymous && !serviceUrlPolicy.IsTrusted(new Uri(activity.ServiceUrl!)))
        {
            // Refused before the turn: the bot would store the serviceUrl and call it, and nobody vouched for it.
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["serviceUrl"] = ["Not a loopback Connector nor a listed one."] },
                detail: $"Without an app id only loopback serviceUrls and those listed in {serviceUrlPolicy.SettingName} are accepted.",
                title: "Untrusted serviceUrl");
        }

        return await RunTurnOnceAsync(context, activity, authentication.Identity);
    }

    private async Task<IResult> RunTurnOnceAsync(HttpContext context, Activity activity, BotCallerIdentity caller)
    {
        var run = await RunTurnAsync(context, activity, caller, context.RequestServices.GetRequiredService<IConnectorClient>());
        return run.Status switch
        {
            TurnRunStatus.Duplicate => run.PreviousInvokeResponse is { } previous ? InvokeResult(previous) : Results.Ok(),
            TurnRunStatus.Cancelled => Results.Empty,
            TurnRunStatus.Failed => Problem(StatusCodes.Status500InternalServerError, "Bot error", "The bot failed to process the activity."),
            _ => BuildTurnResult(activity, run.Turn!),
        };
    }

    /// <summary>
    /// Reads the request's JSON activity (content type, size limit, syntax): the activity, or the 4xx problem to answer.
    /// Shared with the built-in Direct Line channel.
    /// </summary>
    internal async Task<(Activity? Activity, IResult? Problem)> ReadActivityAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "The activity must be sent as application/json."));
        }

        Activity? activity;
        using (var body = await ReadBoundedBodyAsync(context))
        {
            if (body is null)
            {
                return (null, Problem(
                    StatusCodes.Status413PayloadTooLarge,
                    "Payload too large",
                    $"The activity exceeds the limit of {options.Value.MaxRequestBodySize} bytes."));
            }

            try
            {
                activity = JsonSerializer.Deserialize<Activity>(body.Span, BotFrameworkJson.Options);
            }
            catch (JsonException exception)
            {
                return (null, Problem(
                    StatusCodes.Status400BadRequest,
                    "Malformed activity",
                    $"The body is not a valid JSON activity (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine})."));
            }
        }

        if (activity is null)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Malformed activity", "The body must be a JSON activity object."));
        }

        return (activity, null);
    }

    /// <summary>The envelope checks every channel's activity passes before its turn: null when it is well formed.</summary>
    internal static IResult? ValidateEnvelope(Activity activity)
    {
        var errors = ActivityValidator.Validate(activity);
        return errors.Count == 0
            ? null
            : Results.ValidationProblem(
                errors,
                detail: "The activity has missing or oversized fields: " + string.Join(", ", errors.Keys) + ".",
                title: "Invalid activity");
    }

    /// <summary>
    /// The turn pipeline, shared with the built-in Direct Line channel: drops a duplicate delivery, runs the app's
    /// <see cref="IBot"/> with its replies sent through <paramref name="connector"/>, and forgets the delivery when the
    /// turn fails so that the channel's retry runs.
    /// </summary>
    internal async Task<TurnRun> RunTurnAsync(HttpContext context, Activity activity, BotCallerIdentity caller, IConnectorClient connector)
    {
        ActivityKey? key = string.IsNullOrEmpty(activity.Id)
            ? null
            : new ActivityKey(activity.ChannelId!, activity.Conversation!.Id!, activity.Id);
        if (key is { } claimed && await deduplicator.TryBeginAsync(claimed, context.RequestAborted) is { IsDuplicate: true } duplicate)
        {
            logger.LogInformation("Duplicate delivery of {ActivityType} activity {ActivityId} ignored", activity.Type, activity.Id);
            return TurnRun.Duplicate(duplicate.PreviousInvokeResponse);
        }

        var turn = new TurnContext(activity, caller, connector);
        try
        {
            var bot = context.RequestServices.GetRequiredService<IBot>();
            await bot.OnTurnAsync(turn, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            await ForgetAsync(key);
            return TurnRun.Cancelled;
        }
        catch (Exception exception)
        {
            await ForgetAsync(key);
            logger.LogError(exception, "The bot failed on {ActivityType} activity {ActivityId}", activity.Type, activity.Id);
            return TurnRun.Failed;
        }

        if (key is { } completed)
        {
            // The turn is done whatever the caller does now: its record is kept even if the request was aborted.
            await deduplicator.CompleteAsync(completed, turn.InvokeResponse, CancellationToken.None);
        }

        return TurnRun.Completed(turn);
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

    private async Task ForgetAsync(ActivityKey? key)
    {
        if (key is { } claimed)
        {
            await deduplicator.AbandonAsync(claimed, CancellationToken.None);
        }
    }

    /// <summary>
    /// Reads at most the configured size into a pooled buffer; returns null as soon as the body is larger, without
    /// buffering the rest. The buffer is sized from Content-Length when the channel sends it: an activity is a few
    /// hundred bytes, and fixed 16 KB chunks made half of everything a chat turn allocated.
    /// </summary>
    private async Task<PooledBody?> ReadBoundedBodyAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodySize;
        var declaredLength = context.Request.ContentLength;
        if (declaredLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        // One byte over the limit is enough to tell that a body without Content-Length is too large.
        var capacity = (int)Math.Min(limit + 1, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min((declaredLength ?? UnknownLengthBufferSize) + 1, capacity));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, capacity));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted);
                if (read == 0)
                {
                    var body = new PooledBody(buffer, length);
                    buffer = null;
                    return body;
                }

                length += read;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static IResult Problem(int statusCode, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: statusCode, title: title);

    /// <summary>A request body in a buffer rented from the shared pool, returned on dispose.</summary>
    private sealed class PooledBody(byte[] buffer, int length) : IDisposable
    {
        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}
