using System.Collections.Frozen;
using System.Globalization;

namespace RelanceBot.Understanding;

/// <summary>Reads small numbers written in digits or in French or English words ("3", "trois", "three").</summary>
internal static class NumberWords
{
    private static readonly FrozenDictionary<string, int> Words = new Dictionary<string, int>
    {
        ["un"] = 1, ["une"] = 1, ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["six"] = 6, ["sept"] = 7,
        ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10, ["onze"] = 11, ["douze"] = 12, ["quinze"] = 15, ["vingt"] = 20,
        ["trente"] = 30,
        ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15,
        ["twenty"] = 20, ["thirty"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryParse(string word, out int value)
    {
        if (word.Length is > 0 and <= 4 && word.All(char.IsAsciiDigit))
        {
            value = int.Parse(word, CultureInfo.InvariantCulture);
            return true;
        }

        return Words.TryGetValue(word, out value);
    }

    /// <summary>A day of the month: "5", "05", "1er", "15th", "2nd", "3eme".</summary>
    public static bool TryParseDay(string word, out int day)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        day = 0;
        return digits is 1 or 2
            && (digits == word.Length || IsOrdinalSuffix(word[digits..]))
            && int.TryParse(word.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out day)
            && day is >= 1 and <= 31;
    }

    private static bool IsOrdinalSuffix(string suffix) => suffix is "er" or "st" or "nd" or "rd" or "th" or "e" or "eme";
}
