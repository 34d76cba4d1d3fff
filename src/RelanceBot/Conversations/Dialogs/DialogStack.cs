using System.Text.Json;
using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>
/// The dialogs running in one conversation, innermost last, stored as JSON between turns so that a restart in the
/// middle of a dialog resumes it: <c>[{"id":"installments","state":{...}}, {"id":"confirm","state":{...}}]</c>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A stack of dialogs, the Bot Framework's own term, and it is one.")]
public sealed class DialogStack
{
    private readonly List<DialogInstance> _instances;

    private DialogStack(List<DialogInstance> instances) => _instances = instances;

    public static DialogStack Empty() => new([]);

    /// <exception cref="JsonException">The JSON is not a stored stack.</exception>
    public static DialogStack Parse(string json)
    {
        var instances = new List<DialogInstance>();
        foreach (var node in JsonNode.Parse(json)?.AsArray() ?? [])
        {
            var entry = node?.AsObject() ?? throw new JsonException("A dialog stack entry is null.");
            var id = entry["id"]?.GetValue<string>() ?? throw new JsonException("A dialog stack entry has no id.");
            var state = entry["state"]?.DeepClone().AsObject() ?? [];
            instances.Add(new DialogInstance(id, state));
        }

        return new DialogStack(instances);
    }

    public int Count => _instances.Count;

    public bool IsEmpty => _instances.Count == 0;

    public IEnumerable<string> Ids => _instances.Select(instance => instance.Id);

    public DialogInstance? Active => _instances.Count == 0 ? null : _instances[^1];

    /// <summary>The dialog the conversation started first (the flow), if any.</summary>
    public DialogInstance? Root => _instances.Count == 0 ? null : _instances[0];

    /// <summary>The dialog that started the active one, if any.</summary>
    public DialogInstance? Parent => _instances.Count < 2 ? null : _instances[^2];

    public void Push(DialogInstance instance) => _instances.Add(instance);

    public void Pop() => _instances.RemoveAt(_instances.Count - 1);

    public void Clear() => _instances.Clear();

    public string ToJson()
    {
        var array = new JsonArray();
        foreach (var instance in _instances)
        {
            array.Add(new JsonObject { ["id"] = instance.Id, ["state"] = instance.State.DeepClone() });
        }

        return array.ToJsonString();
    }
}
