using System.Globalization;
using System.Text;

namespace RelanceBot.Understanding.Classification;

/// <summary>
/// The text the classifiers read: the normalised words (no case, no accents, SMS spellings expanded) with clause
/// breaks kept as commas, and pictographs kept as a word of their own, since "👍" alone is an answer.
/// </summary>
internal static class ClassifierText
{
    private const string Pictograph = "xpicto";

    public static string From(string text, IReadOnlyList<Token> tokens)
    {
        var builder = new StringBuilder(text.Length + 8);
        var clause = tokens.Count > 0 ? tokens[0].Clause : 0;
        foreach (var token in tokens)
        {
            if (token.Clause != clause)
            {
                builder.Append(" ,");
                clause = token.Clause;
            }

            builder.Append(' ').Append(token.Text);
        }

        if (HasPictograph(text))
        {
            builder.Append(' ').Append(Pictograph);
        }

        return builder.ToString().TrimStart();
    }

    private static bool HasPictograph(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol)
            {
                return true;
            }
        }

        return false;
    }
}
