using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using RelanceBot.BotFramework.Authentication;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

/// <summary>How a turn an app-side channel ran in process ended.</summary>
public enum InProcessTurnStatus
{
    Completed,

    /// <summary>The channel delivered the same activity id again: the bot did not run.</summary>
    Duplicate,

    /// <summary>The envelope failed the same checks as <c>/api/messages</c>: the bot did not run.</summary>
    Rejected,

    Failed,
}

/// <summary>
/// Runs a turn for a channel the app terminates itself (an SMS provider's webhook, say), in process, through the same
/// envelope checks, deduplicator and <see cref="IBot"/> as <c>/api/messages</c>. The channel has authenticated its
/// caller its own way (a webhook signature); the bot sees <see cref="IsInProcessChannel"/> true.
/// </summary>
public sealed class InProcessChannel
{
    private static readonly BotCallerIdentity Caller = new(new ClaimsIdentity(authenticationType: "RelanceBot.InProcess"), null, IsAnonymous: false);

    private readonly BotRequestHandler _pipeline;

    internal InProcessChannel(BotRequestHandler pipeline) => _pipeline = pipeline;

    /// <summary>True when the turn was run by an app-side channel through <see cref="RunTurnAsync"/>.</summary>
    public static bool IsInProcessChannel(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return ReferenceEquals(turn.Caller, Caller);
    }

    /// <summary>Runs <paramref name="activity"/>; what the bot sends goes to <paramref name="connector"/>.</summary>
    public async Task<InProcessTurnStatus> RunTurnAsync(HttpContext context, Activity activity, IConnectorClient connector)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(activity);
        if (BotRequestHandler.ValidateEnvelope(activity) is not null)
        {
            return InProcessTurnStatus.Rejected;
        }

        var run = await _pipeline.RunTurnAsync(context, activity, Caller, connector);
        return run.Status switch
        {
            TurnRunStatus.Completed => InProcessTurnStatus.Completed,
            TurnRunStatus.Duplicate => InProcessTurnStatus.Duplicate,
            _ => InProcessTurnStatus.Failed,
        };
    }
}
