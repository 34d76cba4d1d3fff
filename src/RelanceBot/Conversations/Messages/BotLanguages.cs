using System.Globalization;

namespace RelanceBot.Conversations.Messages;

public static class BotLanguages
{
    // CultureInfo.GetCultureInfo takes a process-wide lock on every call; a turn formats amounts and dates several times.
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-IE");

    /// <summary>Reads a BCP-47 locale (<c>fr-FR</c>, <c>en-US</c>); anything that is not English is answered in French.</summary>
    public static BotLanguage FromLocale(string? locale)
        => locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? BotLanguage.English
            : BotLanguage.French;

    /// <summary>A two-letter code (a patient's recorded language, a recognised reply's); null for one the bot does not speak.</summary>
    public static BotLanguage? FromCode(string? code) => code switch
    {
        "fr" => BotLanguage.French,
        "en" => BotLanguage.English,
        _ => null,
    };

    public static CultureInfo Culture(this BotLanguage language)
        => language == BotLanguage.English ? English : French;

    public static string Code(this BotLanguage language) => language == BotLanguage.English ? "en" : "fr";
}
