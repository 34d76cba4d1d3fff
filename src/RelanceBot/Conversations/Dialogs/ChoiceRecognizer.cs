using System.Globalization;
using System.Text;

namespace RelanceBot.Conversations.Dialogs;

/// <summary>
/// Finds which offered choice a reply picks: its value, title or a synonym, ignoring case, accents and punctuation
/// ("Oui !", "NON"); else its number in the list ("2", "2."); else a single choice named inside a short sentence
/// ("oui c'est ça"). A value wins over a number, so "2" picks "en 2 fois" even when it is listed first.
/// </summary>
public static class ChoiceRecognizer
{
    public static Choice? Recognize(string text, IReadOnlyList<Choice> choices)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        var exact = choices.FirstOrDefault(choice => Names(choice).Any(name => name == normalized));
        if (exact is not null)
        {
            return exact;
        }

        if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= choices.Count ? choices[number - 1] : null;
        }

        var words = $" {normalized} ";
        var mentioned = choices.Where(choice => Names(choice).Any(name => words.Contains($" {name} ", StringComparison.Ordinal))).ToList();
        return mentioned.Count == 1 ? mentioned[0] : null;
    }

    /// <summary>Lower case, no accents, punctuation as spaces, single spaces.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var character in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(character))
            {
                builder.Append(char.ToLowerInvariant(character));
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static IEnumerable<string> Names(Choice choice)
        => new[] { choice.Value, choice.Title }.Concat(choice.Synonyms ?? []).Select(Normalize).Where(name => name.Length > 0);
}
