namespace RelanceBot.Conversations.Dialogs;

/// <summary>The dialogs a conversation may run, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        return this;
    }

    /// <exception cref="KeyNotFoundException">No dialog has this id (a stored stack from another version, say).</exception>
    public Dialog Find(string id)
        => _dialogs.TryGetValue(id, out var dialog) ? dialog : throw new KeyNotFoundException($"No dialog '{id}'.");

    public bool Contains(string id) => _dialogs.ContainsKey(id);
}
