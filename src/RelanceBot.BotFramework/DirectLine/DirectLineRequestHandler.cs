using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>
/// The REST half of Direct Line 3.0 (start, reconnect, post, get with watermark, token refresh and generate), as
/// DirectLineJS calls it. Posted activities run through the same turn pipeline as <c>/api/messages</c>, in process, and
/// the bot's replies go to the conversation's log through <see cref="DirectLineConnector"/>.
/// </summary>
internal sealed class DirectLineRequestHandler(
    DirectLineAuthorizer authorizer,
    DirectLineTokens tokens,
    DirectLineConversations conversations,
    IDirectLineStore store,
    DirectLineConnector connector,
    DirectLineAccounts accounts,
    BotRequestHandler pipeline,
    TimeProvider timeProvider,
    ILogger<DirectLineRequestHandler> logger)
{
    /// <summary>A GET pages the log; DirectLineJS asks again with the new watermark.</summary>
    public const int MaxActivitiesPerRead = 100;

    /// <summary>Start and generate bodies are a user and a locale.</summary>
    private const long MaxSmallBodySize = 4 * 1024;

    private const int MaxLocaleLength = 35;

    /// <summary>What a client may post; everything else is the channel's or the bot's to send.</summary>
    private static readonly string[] PostableTypes = [ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing];

    /// <summary><c>POST /conversations</c>: with a token, starts its conversation (201, or 200 when already started); with the secret, a new one.</summary>
    public async Task<IResult> StartConversationAsync(HttpContext context)
    {
        var (caller, denied) = authorizer.Authorize(context.Request);
        if (caller is null)
        {
            return denied!;
        }

        var (request, unreadable) = await ReadSmallBodyAsync(context);
        if (unreadable is not null)
        {
            return unreadable;
        }

        string conversationId;
        string token;
        int expiresIn;
        if (caller.IsSecret)
        {
            var grant = await conversations.CreateAsync(
                new DirectLineUser(request?.User?.Id ?? DirectLineConversations.NewUserId(), request?.User?.Name), binding: null, context.RequestAborted);
            (conversationId, token, expiresIn) = (grant.ConversationId, grant.Token, grant.ExpiresInSeconds);
        }
        else
        {
            (conversationId, token, expiresIn) = (caller.ConversationId!, caller.Token!, SecondsLeft(caller));
        }

        var firstStart = await store.StartAsync(conversationId, request?.Locale, context.RequestAborted);
        if (firstStart is null)
        {
            return DirectLineProblems.ConversationNotFound();
        }

        if (firstStart.Value)
        {
            await TellBotOfMembersAsync(context, conversationId);
        }

        return Results.Json(
            new ConversationResponse(conversationId, token, expiresIn, StreamUrl(context.Request, conversationId, watermark: null)),
            BotFrameworkJson.Options,
            statusCode: firstStart.Value ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// <c>GET /conversations/{id}?watermark=</c>: a new stream URL that resumes after the watermark, or, without one,
    /// after what the conversation already holds.
    /// </summary>
    public async Task<IResult> ReconnectAsync(HttpContext context, string conversationId, string? watermarkText)
    {
        var (caller, denied) = AuthorizeFor(context, conversationId);
        if (caller is null)
        {
            return denied!;
        }

        if (!TryParseWatermark(watermarkText, out var watermark))
        {
            return BadWatermark();
        }

        // Reading nothing from the end tells where the log ends.
        if (await store.ReadAsync(conversationId, long.MaxValue, 0, context.RequestAborted) is not { } head)
        {
            return DirectLineProblems.ConversationNotFound();
        }

        var resumeAfter = string.IsNullOrEmpty(watermarkText) ? long.Parse(head.Watermark, CultureInfo.InvariantCulture) : watermark;
        var token = caller.IsSecret ? tokens.IssueConversationToken(conversationId) : null;
        return Results.Json(
            new ConversationResponse(
                conversationId,
                token?.Token ?? caller.Token!,
                token?.ExpiresInSeconds ?? SecondsLeft(caller),
                StreamUrl(context.Request, conversationId, resumeAfter)),
            BotFrameworkJson.Options);
    }

    /// <summary><c>POST /conversations/{id}/activities</c>: 200 <c>{"id"}</c> once the bot has handled it.</summary>
    public async Task<IResult> PostActivityAsync(HttpContext context, string conversationId)
    {
        var (caller, denied) = AuthorizeFor(context, conversationId);
        if (caller is null)
        {
            return denied!;
        }

        if (await store.FindAsync(conversationId, context.RequestAborted) is not { } conversation)
        {
            return DirectLineProblems.ConversationNotFound();
        }

        var (posted, unreadable) = await pipeline.ReadActivityAsync(context);
        if (posted is null)
        {
            return unreadable!;
        }

        if (!PostableTypes.Any(posted.IsType))
        {
            return DirectLineProblems.BadArgument($"Clients may post {string.Join(", ", PostableTypes)} activities, not '{posted.Type}'.");
        }

        var inbound = Inbound(context.Request, conversation, posted);
        if (BotRequestHandler.ValidateEnvelope(inbound) is { } invalid)
        {
            return invalid;
        }

        if (inbound.IsType(ActivityTypes.Typing))
        {
            // Told to the bot, kept out of the log (Azure never returns typing from a GET either).
            return TurnResult(await pipeline.RunTurnAsync(context, inbound, DirectLineTurnExtensions.Caller, connector), id: null);
        }

        if (await store.AppendAsync(conversationId, inbound, ClientActivityId(inbound), context.RequestAborted) is not { } appended)
        {
            return DirectLineProblems.ConversationNotFound();
        }

        // A client's retry of the same post finds the same stored id, so the deduplicator runs the bot once.
        var run = await pipeline.RunTurnAsync(context, appended.Activity, DirectLineTurnExtensions.Caller, connector);
        return TurnResult(run, appended.Activity.Id);
    }

    /// <summary><c>GET /conversations/{id}/activities?watermark=</c>: what follows the watermark, and the next watermark.</summary>
    public async Task<IResult> GetActivitiesAsync(HttpContext context, string conversationId, string? watermarkText)
    {
        var (caller, denied) = AuthorizeFor(context, conversationId);
        if (caller is null)
        {
            return denied!;
        }

        if (!TryParseWatermark(watermarkText, out var watermark))
        {
            return BadWatermark();
        }

        if (await store.ReadAsync(conversationId, watermark, MaxActivitiesPerRead, context.RequestAborted) is not { } set)
        {
            return DirectLineProblems.ConversationNotFound();
        }

        return set.Activities.Count == 0 && watermark > long.Parse(set.Watermark, CultureInfo.InvariantCulture)
            ? DirectLineProblems.BadArgument($"The watermark {watermark} is ahead of the conversation ({set.Watermark}).")
            : Results.Json(set, BotFrameworkJson.Options);
    }

    /// <summary><c>POST /tokens/refresh</c>: a new token, full lifetime, for the same conversation; only before the old one expires.</summary>
    public async Task<IResult> RefreshTokenAsync(HttpContext context)
    {
        var (caller, denied) = authorizer.Authorize(context.Request);
        if (caller is null)
        {
            return denied!;
        }

        if (caller.IsSecret)
        {
            return DirectLineProblems.TokenRequired();
        }

        if (await store.FindAsync(caller.ConversationId!, context.RequestAborted) is null)
        {
            return DirectLineProblems.ConversationNotFound();
        }

        var token = tokens.IssueConversationToken(caller.ConversationId!);
        return Results.Json(new ConversationResponse(caller.ConversationId!, token.Token, token.ExpiresInSeconds, StreamUrl: null), BotFrameworkJson.Options);
    }

    /// <summary><c>POST /tokens/generate</c> (secret only): a token for a new conversation, bound to the body's user if any.</summary>
    public async Task<IResult> GenerateTokenAsync(HttpContext context)
    {
        var (caller, denied) = authorizer.Authorize(context.Request);
        if (caller is null)
        {
            return denied!;
        }

        if (!caller.IsSecret)
        {
            return DirectLineProblems.SecretRequired();
        }

        var (request, unreadable) = await ReadSmallBodyAsync(context);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var grant = await conversations.CreateAsync(
            new DirectLineUser(request?.User?.Id ?? DirectLineConversations.NewUserId(), request?.User?.Name), binding: null, context.RequestAborted);
        return Results.Json(new ConversationResponse(grant.ConversationId, grant.Token, grant.ExpiresInSeconds, StreamUrl: null), BotFrameworkJson.Options);
    }

    /// <summary>Like Azure's channel, tells the bot who joined when the client starts the conversation (not shown to clients).</summary>
    private async Task TellBotOfMembersAsync(HttpContext context, string conversationId)
    {
        if (await store.FindAsync(conversationId, context.RequestAborted) is not { } conversation)
        {
            return;
        }

        var update = Inbound(context.Request, conversation, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [accounts.Bot, conversation.User],
        });
        var run = await pipeline.RunTurnAsync(context, update, DirectLineTurnExtensions.Caller, connector);
        if (run.Status == TurnRunStatus.Failed)
        {
            // The conversation still starts: the patient can type, and the bot answers the first message.
            logger.LogWarning("The bot failed on the start of Direct Line conversation {ConversationId}", conversationId);
        }
    }

    /// <summary>
    /// The activity as the bot sees it: the channel's own envelope, <c>from</c> the conversation's user whatever the client
    /// wrote, and the app's binding in <c>channelData</c> in place of anything the client put under that name.
    /// </summary>
    private Activity Inbound(HttpRequest request, DirectLineConversation conversation, Activity posted) => posted with
    {
        Id = null,
        ChannelId = DirectLineAccounts.ChannelId,
        ServiceUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{DirectLineOptions.BasePath}/",
        Conversation = new ConversationAccount { Id = conversation.Id },
        From = conversation.User,
        Recipient = accounts.Bot,
        Timestamp = timeProvider.GetUtcNow(),
        Locale = posted.Locale ?? conversation.Locale,
        ChannelData = WithBinding(posted.ChannelData, conversation.Binding),
        DeliveryMode = null,
    };

    private static JsonElement? WithBinding(JsonElement? channelData, string? binding)
    {
        var data = channelData is { ValueKind: JsonValueKind.Object } element ? JsonObject.Create(element)! : null;
        if (data?.Remove(DirectLineTurnExtensions.BindingProperty) is not true && binding is null)
        {
            return channelData;
        }

        data ??= [];
        if (binding is not null)
        {
            data[DirectLineTurnExtensions.BindingProperty] = binding;
        }

        return JsonSerializer.SerializeToElement(data);
    }

    /// <summary>Web Chat's own id for what it posts, the one it waits to see echoed.</summary>
    private static string? ClientActivityId(Activity activity)
        => activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("clientActivityID", out var id)
            && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;

    private static IResult TurnResult(TurnRun run, string? id) => run.Status switch
    {
        TurnRunStatus.Failed => DirectLineProblems.BotRejectedActivity(),
        TurnRunStatus.Cancelled => Results.Empty,
        _ => Results.Json(new ResourceResponse(id), BotFrameworkJson.Options),
    };

    private (DirectLineCaller? Caller, IResult? Problem) AuthorizeFor(HttpContext context, string conversationId)
    {
        var (caller, denied) = authorizer.Authorize(context.Request);
        return caller is null || caller.Reaches(conversationId) ? (caller, denied) : (null, DirectLineProblems.OtherConversation());
    }

    private int SecondsLeft(DirectLineCaller caller)
        => (int)Math.Max(0, (caller.TokenExpiresAt - timeProvider.GetUtcNow()).TotalSeconds);

    private string StreamUrl(HttpRequest request, string conversationId, long? watermark)
    {
        var ticket = tokens.IssueStreamTicket(conversationId).Token;
        var query = QueryString.Create(
        [
            .. watermark is { } resumeAfter ? [new KeyValuePair<string, string?>("watermark", resumeAfter.ToString(CultureInfo.InvariantCulture))] : Array.Empty<KeyValuePair<string, string?>>(),
            new KeyValuePair<string, string?>("t", ticket),
        ]);
        var scheme = request.IsHttps ? "wss" : "ws";
        return $"{scheme}://{request.Host}{request.PathBase}{DirectLineOptions.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream{query}";
    }

    /// <summary>Absent or empty means "from the start"; otherwise a watermark this channel gave (a sequence number).</summary>
    internal static bool TryParseWatermark(string? text, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(text)
            || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }

    internal static IResult BadWatermark() => DirectLineProblems.BadArgument("The watermark must be one this channel returned (a non-negative integer).");

    /// <summary>The optional <c>{"user": {"id", "name"}, "locale"}</c> of start and generate; an empty body is fine.</summary>
    private static async Task<(StartRequest? Request, IResult? Problem)> ReadSmallBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType()))
        {
            return (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, DirectLineProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "The body must be application/json."));
        }

        if (request.ContentLength > MaxSmallBodySize)
        {
            return (null, TooLarge());
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = MaxSmallBodySize;
        }

        StartRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StartRequest>(request.Body, BotFrameworkJson.Options, context.RequestAborted);
        }
        catch (JsonException exception)
        {
            return (null, DirectLineProblems.BadArgument($"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine})."));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }

        if (body?.User?.Id is { } id && (string.IsNullOrWhiteSpace(id) || id.Length > DirectLineConversations.MaxUserFieldLength))
        {
            return (null, DirectLineProblems.BadArgument($"user.id must be 1 to {DirectLineConversations.MaxUserFieldLength} characters."));
        }

        if (body?.User?.Name?.Length > DirectLineConversations.MaxUserFieldLength)
        {
            return (null, DirectLineProblems.BadArgument($"user.name must be at most {DirectLineConversations.MaxUserFieldLength} characters."));
        }

        return body?.Locale?.Length > MaxLocaleLength
            ? (null, DirectLineProblems.BadArgument($"locale must be a language tag of at most {MaxLocaleLength} characters."))
            : (body, null);
    }

    private static IResult TooLarge() => DirectLineProblems.Problem(
        StatusCodes.Status413PayloadTooLarge, "BadArgument", $"The body exceeds {MaxSmallBodySize} bytes.");

    private sealed record StartRequest(ChannelAccount? User, string? Locale);

    /// <summary>Direct Line's <c>Conversation</c> object.</summary>
    private sealed record ConversationResponse(
        string ConversationId,
        string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        string? StreamUrl);
}
