using System.Collections.Frozen;

namespace RelanceBot.Teams.Alerts;

/// <summary>The verbs as they travel in card data and Action.Execute invokes.</summary>
public static class AlertVerbs
{
    private static readonly FrozenDictionary<AlertVerb, string> Names = new Dictionary<AlertVerb, string>
    {
        [AlertVerb.Approve] = "approve",
        [AlertVerb.Reject] = "reject",
        [AlertVerb.MarkPaid] = "markPaid",
        [AlertVerb.PauseReminders] = "pauseReminders",
        [AlertVerb.NoteCall] = "noteCall",
        [AlertVerb.Close] = "close",
        [AlertVerb.MarkRecovered] = "markRecovered",
        [AlertVerb.MarkReturned] = "markReturned",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, AlertVerb> ByName =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string Name(this AlertVerb verb) => Names[verb];

    public static bool TryParse(string? name, out AlertVerb verb) => ByName.TryGetValue(name ?? "", out verb);
}
