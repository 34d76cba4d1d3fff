using System.Text.Json;
using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>What a waterfall step can see and do.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;
    private readonly int _index;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext context, int index, JsonNode? options, JsonObject values, JsonNode? result)
    {
        _waterfall = waterfall;
        _index = index;
        Context = context;
        Options = options;
        Values = values;
        Result = result;
    }

    public DialogContext Context { get; }

    /// <summary>What the waterfall was started with.</summary>
    public JsonNode? Options { get; }

    /// <summary>Values the steps keep for one another; persisted with the dialog.</summary>
    public JsonObject Values { get; }

    /// <summary>The previous step's result (a prompt's answer; null when a prompt gave up).</summary>
    public JsonNode? Result { get; }

    public T? OptionsAs<T>() => Options is null ? default : Options.Deserialize<T>(DialogJson.Options);

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken)
        => Context.BeginDialogAsync(promptId, DialogJson.ToNode(options), cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options, CancellationToken cancellationToken)
        => Context.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Skips to the next step at once, handing it <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(JsonNode? result, CancellationToken cancellationToken)
        => _waterfall.RunStepAsync(Context, _index + 1, result, cancellationToken);

    public Task<DialogTurnResult> EndAsync(CancellationToken cancellationToken) => Context.EndDialogAsync(null, cancellationToken);

    /// <summary>Ends this waterfall and starts another in its place.</summary>
    public Task<DialogTurnResult> ReplaceAsync(string dialogId, JsonNode? options, CancellationToken cancellationToken)
        => Context.ReplaceDialogAsync(dialogId, options, cancellationToken);

    public Task SendAsync(string text, CancellationToken cancellationToken) => Context.SendAsync(text, cancellationToken);
}
