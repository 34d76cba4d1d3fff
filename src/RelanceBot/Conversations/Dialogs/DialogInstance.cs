using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>One running dialog on the stack: which dialog, and the state it keeps between turns.</summary>
public sealed class DialogInstance(string id, JsonObject state)
{
    public string Id { get; } = id;

    public JsonObject State { get; } = state;
}
