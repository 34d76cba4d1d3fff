namespace RelanceBot.Conversations.Dialogs;

/// <summary>An option offered to the patient.</summary>
/// <param name="Value">What the dialog receives when it is picked; never shown.</param>
/// <param name="Title">What the patient sees (button or numbered line).</param>
/// <param name="Synonyms">Other words that pick it ("ouais", "yes").</param>
public sealed record Choice(string Value, string Title, IReadOnlyList<string>? Synonyms = null);
