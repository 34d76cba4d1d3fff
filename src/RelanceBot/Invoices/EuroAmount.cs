using System.Collections.Concurrent;
using System.Globalization;

namespace RelanceBot.Invoices;

/// <summary>
/// Reads and writes amounts in euros. Reads an amount as people write it in France (<c>123,45</c>, <c>1 234,50 €</c>) or in software exports
/// (<c>123.45</c>) into exact cents, with integer arithmetic only: no floating point ever touches money.
/// </summary>
public static class EuroAmount
{
    // Spaces, no-break spaces and narrow no-break spaces are the French thousands separators.
    private static readonly char[] Ignored = [' ', '\u00A0', '\u202F', '€'];

    // One per culture, not a copy per amount: every reminder formats one.
    private static readonly ConcurrentDictionary<CultureInfo, NumberFormatInfo> EuroFormats = new();

    public static bool TryParseCents(string? text, out long cents)
    {
        cents = 0;
        var compact = string.Concat((text ?? "").Where(character => !Ignored.Contains(character)));
        if (compact.Length == 0)
        {
            return false;
        }

        var separator = compact.IndexOfAny([',', '.']);
        var whole = separator < 0 ? compact : compact[..separator];
        var fraction = separator < 0 ? "" : compact[(separator + 1)..];
        if (!IsDigits(whole, maxLength: 12) || (separator >= 0 && !IsDigits(fraction, maxLength: 2)))
        {
            return false;
        }

        cents = (long.Parse(whole, CultureInfo.InvariantCulture) * 100)
            + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Writes cents the way <paramref name="culture"/> reads money ("123,45 €", "€123.45"); decimal keeps them exact.</summary>
    public static string Format(long cents, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        // A culture that can still change is not cached: two such instances may share a name and differ.
        var format = culture.IsReadOnly ? EuroFormats.GetOrAdd(culture, EuroFormat) : EuroFormat(culture);
        return (cents / 100m).ToString("C2", format);
    }

    private static NumberFormatInfo EuroFormat(CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = "€";
        return NumberFormatInfo.ReadOnly(format);
    }

    private static bool IsDigits(string text, int maxLength) =>
        text.Length > 0 && text.Length <= maxLength && text.All(char.IsAsciiDigit);
}
