using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>Any non-empty text, kept as the patient wrote it.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override bool TryRecognize(DialogContext dialogContext, PromptOptions options, out string value)
    {
        value = dialogContext.Text;
        return value.Length > 0;
    }

    protected override JsonNode? ToJson(string value) => JsonValue.Create(value);
}
