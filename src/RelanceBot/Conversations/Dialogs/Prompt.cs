using System.Text.Json;
using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>
/// Asks one question and ends with the typed answer. A reply it cannot read, or one its validator refuses, is
/// answered with the retry text; after <see cref="PromptOptions.MaxAttempts"/> of them it ends with a null result so
/// the calling dialog can offer another way (a person, the menu) rather than loop.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    public sealed override async Task<DialogTurnResult> BeginAsync(DialogContext dialogContext, JsonNode? options, CancellationToken cancellationToken)
    {
        var promptOptions = options?.Deserialize<PromptOptions>(DialogJson.Options)
            ?? throw new ArgumentException($"Prompt '{Id}' needs {nameof(PromptOptions)}.", nameof(options));
        var state = dialogContext.Active!.State;
        state[OptionsKey] = options.DeepClone();
        state[AttemptsKey] = 0;
        await dialogContext.SendAsync(promptOptions.Text, promptOptions.Choices ?? [], cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public sealed override async Task<DialogTurnResult> ContinueAsync(DialogContext dialogContext, CancellationToken cancellationToken)
    {
        var state = dialogContext.Active!.State;
        var options = ReadOptions(state);
        if (TryRecognize(dialogContext, options, out var value))
        {
            var refusal = validator?.Invoke(value);
            if (refusal is null)
            {
                return await dialogContext.EndDialogAsync(ToJson(value), cancellationToken);
            }

            return await RetryAsync(dialogContext, state, options, refusal, cancellationToken);
        }

        return await RetryAsync(dialogContext, state, options, options.RetryText ?? options.Text, cancellationToken);
    }

    public sealed override async Task RepromptAsync(DialogContext dialogContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var options = ReadOptions(instance.State);
        await dialogContext.SendAsync(options.Text, options.Choices ?? [], cancellationToken);
    }

    /// <summary>A reply the prompt can read, even one its validator will refuse (a date in the past is still a date).</summary>
    public sealed override bool Understands(DialogContext dialogContext, DialogInstance instance)
        => TryRecognize(dialogContext, ReadOptions(instance.State), out _);

    /// <summary>Reads the reply; false when it does not answer the question.</summary>
    protected abstract bool TryRecognize(DialogContext dialogContext, PromptOptions options, out T value);

    protected abstract JsonNode? ToJson(T value);

    private static async Task<DialogTurnResult> RetryAsync(
        DialogContext dialogContext, JsonObject state, PromptOptions options, string text, CancellationToken cancellationToken)
    {
        var attempts = state[AttemptsKey]!.GetValue<int>() + 1;
        if (attempts >= options.MaxAttempts)
        {
            return await dialogContext.EndDialogAsync(null, cancellationToken);
        }

        state[AttemptsKey] = attempts;
        await dialogContext.SendAsync(text, options.Choices ?? [], cancellationToken);
        return DialogTurnResult.Waiting;
    }

    private static PromptOptions ReadOptions(JsonObject state)
        => state[OptionsKey].Deserialize<PromptOptions>(DialogJson.Options)!;
}
