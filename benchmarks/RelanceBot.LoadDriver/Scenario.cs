namespace RelanceBot.LoadDriver;

/// <summary>What every worker does turn after turn.</summary>
internal enum Scenario
{
    /// <summary>Every turn a new conversation: the bot records it, greets and shows its menu.</summary>
    FirstContact,

    /// <summary>Dialog cycles in open conversations: ask for installments, pick 3, decline.</summary>
    Dialogs,
}

internal static class ScenarioNames
{
    public static Scenario Parse(string name) => name switch
    {
        "first-contact" => Scenario.FirstContact,
        "dialogs" => Scenario.Dialogs,
        _ => throw new ArgumentException($"Unknown scenario '{name}': first-contact or dialogs."),
    };

    public static string Name(this Scenario scenario) => scenario == Scenario.FirstContact ? "first-contact" : "dialogs";
}

/// <summary>One worker's turns, whatever the scenario; false when the bot did not answer.</summary>
internal interface ITurns
{
    Task<bool> NextTurnAsync(CancellationToken cancellationToken);
}

/// <summary>A patient writing "bonjour" to the bot for the first time, in a new conversation every turn.</summary>
internal sealed class FirstContacts(HttpClient client, int worker) : ITurns
{
    private int _turns;

    public async Task<bool> NextTurnAsync(CancellationToken cancellationToken)
    {
        var conversation = new ExpectRepliesConversation(client, $"first-{worker}-{_turns++}-{Guid.NewGuid():N}");
        return (await conversation.SayAsync("bonjour", cancellationToken)).Length > 0;
    }
}
