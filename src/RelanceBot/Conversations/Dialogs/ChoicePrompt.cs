using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>One of <see cref="PromptOptions.Choices"/>; ends with the picked choice's value.</summary>
public sealed class ChoicePrompt(string id) : Prompt<string>(id)
{
    protected override bool TryRecognize(DialogContext dialogContext, PromptOptions options, out string value)
    {
        value = ChoiceRecognizer.Recognize(dialogContext.Text, options.Choices ?? [])?.Value ?? "";
        return value.Length > 0;
    }

    protected override JsonNode? ToJson(string value) => JsonValue.Create(value);
}
