using System.Globalization;
using System.Text.Json.Nodes;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>A calendar date, read by <paramref name="parse"/> (the caller knows the language and today's date).</summary>
public sealed class DatePrompt(string id, Func<string, DateOnly?> parse, PromptValidator<DateOnly>? validator = null)
    : Prompt<DateOnly>(id, validator)
{
    public static DateOnly? Read(JsonNode? result)
        => result?.GetValue<string>() is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    protected override bool TryRecognize(DialogContext dialogContext, PromptOptions options, out DateOnly value)
    {
        var date = parse(dialogContext.Text);
        value = date ?? default;
        return date is not null;
    }

    public static JsonNode ToNode(DateOnly date) => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    protected override JsonNode? ToJson(DateOnly value) => ToNode(value);
}
