using System.Net;

namespace RelanceBot.BotFramework.Connector;

/// <summary>
/// A Connector call answered with a non-success status. <see cref="IsPermanent"/> (403, 404) means retrying the same
/// call cannot succeed: the bot was removed or blocked, or the conversation no longer exists.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string? errorMessage, string? correlationId)
        : base(BuildMessage(statusCode, errorCode, errorMessage))
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        CorrelationId = correlationId;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The Connector's code, e.g. <c>BotNotInConversationRoster</c>, <c>ConversationNotFound</c>, <c>MessageWritesBlocked</c>.</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    /// <summary>The <c>X-Correlating-OperationId</c> header, for Microsoft support.</summary>
    public string? CorrelationId { get; }

    public bool IsPermanent => StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    private static string BuildMessage(HttpStatusCode statusCode, string? errorCode, string? errorMessage) =>
        $"The Connector answered {(int)statusCode} {statusCode}"
        + (errorCode is null ? string.Empty : $" ({errorCode})")
        + (errorMessage is null ? "." : $": {errorMessage}");
}
