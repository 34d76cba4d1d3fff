using System.Text.Json.Nodes;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>The dialog stack of one conversation during one turn, and the means to talk to the patient.</summary>
public sealed class DialogContext(DialogSet dialogs, DialogStack stack, ITurnContext turn)
{
    public ITurnContext Turn => turn;

    public DialogStack Stack => stack;

    public DialogInstance? Active => stack.Active;

    /// <summary>How this channel shows choices: buttons where it can, numbered lines where it cannot (SMS).</summary>
    public ChoiceStyle ChoiceStyle { get; } = ChoiceStyles.For(turn.Activity.ChannelId);

    /// <summary>The text of the message this turn answers, trimmed; empty for a message with no text.</summary>
    public string Text => turn.Activity.Text?.Trim() ?? "";

    public async Task<DialogTurnResult> BeginDialogAsync(string id, JsonNode? options, CancellationToken cancellationToken)
    {
        var dialog = dialogs.Find(id);
        stack.Push(new DialogInstance(id, []));
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    /// <summary>Hands the message to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
        => Active is { } active
            ? dialogs.Find(active.Id).ContinueAsync(this, cancellationToken)
            : Task.FromResult(new DialogTurnResult(DialogTurnStatus.Empty));

    /// <summary>Ends the active dialog and resumes the one that started it with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(JsonNode? result, CancellationToken cancellationToken)
    {
        if (!stack.IsEmpty)
        {
            stack.Pop();
        }

        return Active is { } parent
            ? await dialogs.Find(parent.Id).ResumeAsync(this, result, cancellationToken)
            : new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and starts another in its place (a loop, or a hand-over between flows).</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string id, JsonNode? options, CancellationToken cancellationToken)
    {
        if (!stack.IsEmpty)
        {
            stack.Pop();
        }

        return BeginDialogAsync(id, options, cancellationToken);
    }

    /// <summary>Whether the active dialog can take this turn's message as its answer.</summary>
    public bool ActiveUnderstands() => Active is { } active && dialogs.Find(active.Id).Understands(this, active);

    public DialogTurnResult CancelAllDialogs()
    {
        stack.Clear();
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken)
        => Active is { } active
            ? dialogs.Find(active.Id).RepromptAsync(this, active, cancellationToken)
            : Task.CompletedTask;

    public Task SendAsync(string text, CancellationToken cancellationToken) => SendAsync(text, [], cancellationToken);

    /// <summary>Sends <paramref name="text"/> with <paramref name="choices"/> shown the way the channel can.</summary>
    public async Task SendAsync(string text, IReadOnlyList<Choice> choices, CancellationToken cancellationToken)
    {
        var reply = ChoiceRenderer.Render(turn.Activity.CreateReply(), text, choices, ChoiceStyle);
        await turn.SendActivityAsync(reply, cancellationToken);
    }
}
