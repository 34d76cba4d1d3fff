using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RelanceBot.Conversations.Messages;

/// <summary>
/// Every sentence the bot says, per language, loaded from editable JSON files (<c>Conversations/Messages/{fr,en}.json</c>)
/// so the practice's wording can change without a build. Placeholders are <c>{name}</c>;
/// a text that depends on a count has a <c>.one</c> and an <c>.other</c> form (<see cref="RenderCount"/>).
/// </summary>
public sealed partial class MessageCatalog
{
    private readonly FrozenDictionary<BotLanguage, FrozenDictionary<string, string>> _messages;

    private MessageCatalog(FrozenDictionary<BotLanguage, FrozenDictionary<string, string>> messages) => _messages = messages;

    public static MessageCatalog Load(string directory)
    {
        var messages = Enum.GetValues<BotLanguage>().ToFrozenDictionary(
            language => language,
            language => ReadFile(Path.Combine(directory, $"{language.Code()}.json")));

        var french = messages[BotLanguage.French].Keys.ToHashSet();
        foreach (var (language, entries) in messages)
        {
            if (!french.SetEquals(entries.Keys))
            {
                throw new InvalidOperationException(
                    $"The {language} messages must define exactly the keys of the French ones; differing: "
                    + string.Join(", ", french.Except(entries.Keys).Concat(entries.Keys.Except(french))));
            }
        }

        return new MessageCatalog(messages);
    }

    public string Render(BotLanguage language, string key, params (string Name, string Value)[] values)
        => Render(language, key, values.ToDictionary(value => value.Name, value => value.Value));

    /// <summary>
    /// A text that agrees with a count ("1 jour", "2 jours"): the catalog holds <c>{key}.one</c> and <c>{key}.other</c>,
    /// and <c>{count}</c> is the count written for the language.
    /// </summary>
    public string RenderCount(BotLanguage language, string key, long count, params (string Name, string Value)[] values)
    {
        var format = TextFormat.For(language);
        var all = values.ToDictionary(value => value.Name, value => value.Value);
        all["count"] = format.Number(count);
        return Render(language, format.IsSingular(count) ? $"{key}.one" : $"{key}.other", all);
    }

    public string Render(BotLanguage language, string key, IReadOnlyDictionary<string, string>? values)
    {
        if (!_messages[language].TryGetValue(key, out var template))
        {
            throw new KeyNotFoundException($"No message '{key}'.");
        }

        return Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            return values is not null && values.TryGetValue(name, out var value)
                ? value
                : throw new KeyNotFoundException($"Message '{key}' needs a value for '{name}'.");
        });
    }

    private static FrozenDictionary<string, string> ReadFile(string path)
        => (JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty.")).ToFrozenDictionary();

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9]*)\}")]
    private static partial Regex Placeholder();
}
