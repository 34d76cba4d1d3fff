using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>
/// The WebSocket at a conversation's <c>streamUrl</c>, as DirectLineJS uses it: authorised by the stream ticket in
/// <c>t</c>, it first sends what follows the URL's watermark (the replies already given, e.g. the greeting), then one
/// <c>ActivitySet</c> text frame per change. Messages from the client (DirectLineJS pings with empty ones) are read
/// and ignored. One socket per conversation: a newer one closes the older with the reason <c>collision</c>.
/// </summary>
internal sealed class DirectLineStream(DirectLineTokens tokens, IDirectLineStore store, IHostApplicationLifetime lifetime)
{
    /// <summary>How long a closing socket waits for the client's close frame before it is dropped.</summary>
    private static readonly TimeSpan CloseGracePeriod = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, CancellationTokenSource> _open = new(StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context, string conversationId)
    {
        if (await AcceptAsync(context, conversationId) is { } refused)
        {
            await refused.ExecuteAsync(context);
        }
    }

    private async Task<IResult?> AcceptAsync(HttpContext context, string conversationId)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineProblems.BadArgument("The stream is a WebSocket: open streamUrl with a WebSocket client.");
        }

        var ticket = context.Request.Query["t"].ToString();
        if (ticket.Length == 0)
        {
            return DirectLineProblems.MissingToken();
        }

        var check = tokens.Check(ticket, TokenPurpose.Stream);
        if (check.Status != TokenStatus.Valid)
        {
            return check.Status == TokenStatus.Expired ? DirectLineProblems.ExpiredToken() : DirectLineProblems.InvalidToken();
        }

        if (check.ConversationId != conversationId)
        {
            return DirectLineProblems.OtherConversation();
        }

        if (!DirectLineRequestHandler.TryParseWatermark(context.Request.Query["watermark"].ToString(), out var watermark))
        {
            return DirectLineRequestHandler.BadWatermark();
        }

        if (await store.FindAsync(conversationId, context.RequestAborted) is null)
        {
            return DirectLineProblems.ConversationNotFound();
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var superseded = new CancellationTokenSource();
        if (_open.TryGetValue(conversationId, out var older))
        {
            await older.CancelAsync();
        }

        _open[conversationId] = superseded;
        try
        {
            await StreamAsync(socket, conversationId, watermark, superseded.Token, context.RequestAborted);
        }
        finally
        {
            _open.TryRemove(new KeyValuePair<string, CancellationTokenSource>(conversationId, superseded));
        }

        return null;
    }

    private async Task StreamAsync(WebSocket socket, string conversationId, long watermark, CancellationToken superseded, CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(superseded, aborted, lifetime.ApplicationStopping);
        var receiving = DrainUntilClosedAsync(socket, stop);
        var (status, reason) = (WebSocketCloseStatus.NormalClosure, "conversation ended");
        try
        {
            while (await store.ReadAsync(conversationId, watermark, DirectLineRequestHandler.MaxActivitiesPerRead, stop.Token) is { } set)
            {
                if (set.Activities.Count == 0)
                {
                    await store.WaitForActivityAsync(conversationId, watermark, stop.Token);
                    continue;
                }

                await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(set, BotFrameworkJson.Options), WebSocketMessageType.Text, endOfMessage: true, stop.Token);
                watermark = long.Parse(set.Watermark, CultureInfo.InvariantCulture);
            }
        }
        catch (OperationCanceledException)
        {
            (status, reason) = superseded.IsCancellationRequested ? (WebSocketCloseStatus.PolicyViolation, "collision")
                : lifetime.ApplicationStopping.IsCancellationRequested ? (WebSocketCloseStatus.EndpointUnavailable, "server stopping")
                : (WebSocketCloseStatus.NormalClosure, "closed by the client");
        }
        catch (WebSocketException)
        {
            // The client went away mid-send.
        }

        await CloseAsync(socket, status, reason, receiving);
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason, Task receiving)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var grace = new CancellationTokenSource(CloseGracePeriod);
            try
            {
                await socket.CloseOutputAsync(status, reason, grace.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // Already gone.
            }
        }

        if (await Task.WhenAny(receiving, Task.Delay(CloseGracePeriod, TimeProvider.System, CancellationToken.None)) != receiving)
        {
            socket.Abort();
        }

        await receiving;
    }

    /// <summary>Reads and ignores client messages until the client closes or the connection drops, then stops the stream.</summary>
    private static async Task DrainUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while ((await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Dropped or aborted connection: same as a close.
        }
        finally
        {
            await stop.CancelAsync();
        }
    }
}
