using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>A phone number as the patient types it ("06 12 34 56 78", "+33 6…"): kept verbatim for staff to dial.</summary>
public sealed class PhonePrompt(string id) : Prompt<string>(id)
{
    private const int MinimumDigits = 9;
    private const int MaximumDigits = 15;

    protected override bool TryRecognize(DialogContext dialogContext, PromptOptions options, out string value)
    {
        value = dialogContext.Text;
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= MinimumDigits and <= MaximumDigits && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')');
    }

    protected override JsonNode? ToJson(string value) => JsonValue.Create(value);
}
