using System.Globalization;
using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>A whole number written in digits ("3", "3 fois"); the validator sets the range.</summary>
public sealed class NumberPrompt(string id, PromptValidator<int>? validator = null) : Prompt<int>(id, validator)
{
    protected override bool TryRecognize(DialogContext dialogContext, PromptOptions options, out int value)
    {
        var numbers = ChoiceRecognizer.Normalize(dialogContext.Text).Split(' ')
            .Where(word => word.Length > 0 && word.All(char.IsAsciiDigit))
            .ToList();
        value = 0;
        return numbers.Count == 1 && int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    protected override JsonNode? ToJson(int value) => JsonValue.Create(value);
}
