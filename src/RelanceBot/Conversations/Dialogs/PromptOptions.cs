namespace RelanceBot.Conversations.Dialogs;

/// <summary>What a prompt says; kept in the prompt's state so it can ask again after a restart.</summary>
/// <param name="Text">The question.</param>
/// <param name="RetryText">Said when the reply is not understood; the question again when null.</param>
/// <param name="Choices">The options of a choice or confirm prompt.</param>
/// <param name="MaxAttempts">Replies not understood before the prompt gives up and ends with no result.</param>
public sealed record PromptOptions(
    string Text,
    string? RetryText = null,
    IReadOnlyList<Choice>? Choices = null,
    int MaxAttempts = 3);
