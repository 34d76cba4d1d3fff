using System.Net;
using RelanceBot.BotFramework.Connector;

namespace RelanceBot.Delivery;

/// <summary>Sorts Connector failures into "try later" and "this conversation is dead" (protocol brief §6.6–6.7).</summary>
internal static class ConnectorFailures
{
    public static DeliveryResult Classify(ConnectorException exception)
    {
        var description = $"chat {(int)exception.StatusCode} {exception.ErrorCode ?? exception.StatusCode.ToString()}";
        // 429, 412 and 502–504 reach us only once the Connector client's own retries are spent: later may work.
        var isTransient = exception.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.RequestTimeout || (int)exception.StatusCode >= 500;
        return isTransient ? DeliveryResult.Transient(description) : DeliveryResult.Permanent(description);
    }
}
