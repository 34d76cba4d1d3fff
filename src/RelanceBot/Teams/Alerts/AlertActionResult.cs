using System.Text.Json.Nodes;

namespace RelanceBot.Teams.Alerts;

/// <summary>The outcome of a button press: the card to show (unless refused) or the polite refusal.</summary>
public sealed record AlertActionResult(AlertActionStatus Status, JsonObject? Card, string? Message, Guid? AlertId)
{
    public static AlertActionResult Refused(string message) => new(AlertActionStatus.Refused, null, message, null);
}
