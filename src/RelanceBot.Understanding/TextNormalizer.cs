using System.Globalization;
using System.Text;

namespace RelanceBot.Understanding;

/// <summary>
/// Folds a reply to lower-case ASCII words: no accents, no elisions, SMS spellings expanded,
/// letters repeated for emphasis ("ouiii") collapsed, punctuation turned into clause boundaries.
/// </summary>
internal static class TextNormalizer
{
    private static readonly (string From, string To)[] EnglishContractions =
    [
        ("can't", "can not"), ("won't", "will not"), ("n't", " not"), ("i'm", "i am"),
        ("'ll", " will"), ("'ve", " have"), ("'re", " are"),
    ];

    public static IReadOnlyList<Token> Normalize(string text)
    {
        var folded = Fold(text);
        var tokens = new List<Token>(16);
        var expanded = new List<string>(4);
        var clause = 0;
        var word = new StringBuilder(16);

        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c) || IsDateSeparator(folded, i, word))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                // An elided word ("c'", "j'", "m'") is never shorthand: "c'est" must not become "c est est".
                var elided = c == '\'';
                clause = AddWord(CollapseRepeatedLetters(word.ToString()), elided, clause, tokens, expanded);
                word.Clear();
            }

            if (IsClauseBoundary(c))
            {
                clause++;
            }
        }

        return tokens;
    }

    private static int AddWord(string word, bool elided, int clause, List<Token> tokens, List<string> expanded)
    {
        expanded.Clear();
        if (elided)
        {
            expanded.Add(word);
        }
        else
        {
            SmsSpellings.Expand(word, expanded);
        }

        foreach (var part in expanded)
        {
            if (part is "mais" or "but" or "sinon")
            {
                clause++;
                continue;
            }

            tokens.Add(new Token(part, clause));
        }

        return clause;
    }

    private static string Fold(string text)
    {
        var lower = text.ToLowerInvariant().Replace('\u2019', '\'').Replace('`', '\'');
        foreach (var (from, to) in EnglishContractions)
        {
            lower = lower.Replace(from, to, StringComparison.Ordinal);
        }

        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ': ascii.Append("oe"); break;
                case 'æ': ascii.Append("ae"); break;
                case var _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark: break;
                default: ascii.Append(c); break;
            }
        }

        return ascii.ToString();
    }

    /// <summary>Keeps "05/12" or "05.12.2026" as one word so the date parser sees it whole.</summary>
    private static bool IsDateSeparator(string text, int index, StringBuilder word) =>
        index < text.Length && text[index] is '/' or '.'
        && word.Length > 0 && char.IsAsciiDigit(word[^1])
        && index + 1 < text.Length && char.IsAsciiDigit(text[index + 1]);

    private static bool IsClauseBoundary(char c) => c is ',' or '.' or ';' or '!' or '?' or ':' or '(' or ')' or '\n';

    /// <summary>Three or more identical letters are emphasis ("stoooop", "merciii"); digits are left alone.</summary>
    private static string CollapseRepeatedLetters(string word)
    {
        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i])
            {
                run++;
            }

            builder.Append(word[i], run >= 3 && char.IsLetter(word[i]) ? 1 : run);
            i += run - 1;
        }

        return builder.ToString();
    }
}
