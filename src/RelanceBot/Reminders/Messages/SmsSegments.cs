namespace RelanceBot.Reminders.Messages;

/// <summary>
/// How many SMS a text costs. GSM 03.38 (7-bit) texts hold 160 characters, 153 per part once concatenated, and the
/// extension characters (€, [, ~…) take two; any other character switches the whole text to UCS-2: 70, then 67 per part.
/// </summary>
public static class SmsSegments
{
    public const int MaxReminderSegments = 3;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    /// <summary>Non-breaking spaces (French amounts) would force the whole SMS into UCS-2: plain spaces instead.</summary>
    public static string WithPlainSpaces(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');

    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return 1;
        }

        if (IsGsm7(text))
        {
            var septets = text.Sum(c => Extension.Contains(c) ? 2 : 1);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }

        // UCS-2 counts UTF-16 code units, as phones do.
        return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
    }
}
