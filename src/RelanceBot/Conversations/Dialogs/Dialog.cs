using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>
/// A piece of conversation that may span several turns. Dialogs hold no per-conversation fields: everything they need
/// between turns lives in their <see cref="DialogInstance.State"/>, which is persisted.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Starts the dialog; it was just pushed on the stack and is <see cref="DialogContext.Active"/>.</summary>
    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dialogContext, JsonNode? options, CancellationToken cancellationToken);

    /// <summary>A new message arrived while this dialog was the active one.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dialogContext, CancellationToken cancellationToken)
        => dialogContext.EndDialogAsync(null, cancellationToken);

    /// <summary>A dialog this one started has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dialogContext, JsonNode? result, CancellationToken cancellationToken)
        => dialogContext.EndDialogAsync(result, cancellationToken);

    /// <summary>
    /// Whether this turn's message answers what the dialog is waiting for; when it does not, the conversation may take
    /// it as a new request instead (a menu never traps a reply that means something else).
    /// </summary>
    public virtual bool Understands(DialogContext dialogContext, DialogInstance instance) => true;

    /// <summary>Asks again what the dialog is waiting for (after an interruption such as "aide").</summary>
    public virtual Task RepromptAsync(DialogContext dialogContext, DialogInstance instance, CancellationToken cancellationToken)
        => Task.CompletedTask;
}
