using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>
/// A fixed sequence of steps; each step receives the result of the one before (usually a prompt's answer). The step
/// index, the options and the values the steps keep are stored in the dialog state, so the sequence survives restarts.
/// </summary>
public sealed class WaterfallDialog(string id, IReadOnlyList<WaterfallStep> steps) : Dialog(id)
{
    private const string StepKey = "step";
    private const string OptionsKey = "options";
    internal const string ValuesKey = "values";

    /// <summary>What a running waterfall was started with.</summary>
    public static JsonNode? OptionsOf(DialogInstance instance) => instance.State[OptionsKey];

    public override Task<DialogTurnResult> BeginAsync(DialogContext dialogContext, JsonNode? options, CancellationToken cancellationToken)
    {
        var state = dialogContext.Active!.State;
        state[OptionsKey] = options?.DeepClone();
        state[ValuesKey] = new JsonObject();
        return RunStepAsync(dialogContext, 0, null, cancellationToken);
    }

    /// <summary>A step that sent a message without a prompt waits for any reply; that reply is its result.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dialogContext, CancellationToken cancellationToken)
        => RunStepAsync(dialogContext, CurrentStep(dialogContext) + 1, JsonValue.Create(dialogContext.Text), cancellationToken);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dialogContext, JsonNode? result, CancellationToken cancellationToken)
        => RunStepAsync(dialogContext, CurrentStep(dialogContext) + 1, result, cancellationToken);

    internal Task<DialogTurnResult> RunStepAsync(DialogContext dialogContext, int index, JsonNode? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return dialogContext.EndDialogAsync(result, cancellationToken);
        }

        var instance = dialogContext.Active!;
        instance.State[StepKey] = index;
        var step = new WaterfallStepContext(this, dialogContext, index, instance.State[OptionsKey], instance.State[ValuesKey]!.AsObject(), result);
        return steps[index](step, cancellationToken);
    }

    private static int CurrentStep(DialogContext dialogContext) => dialogContext.Active!.State[StepKey]!.GetValue<int>();
}
