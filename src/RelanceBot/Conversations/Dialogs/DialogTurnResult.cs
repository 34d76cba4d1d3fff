using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <param name="Result">What the ending dialog returned, as JSON (it outlives the process in the stored stack).</param>
public sealed record DialogTurnResult(DialogTurnStatus Status, JsonNode? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);
}
