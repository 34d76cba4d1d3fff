using System.Globalization;

namespace RelanceBot.Conversations.Messages;

public static class BotLanguages
{
    /// <summary>Reads a BCP-47 locale (<c>fr-FR</c>, <c>en-US</c>); anything that is not English is answered in French.</summary>
    public static BotLanguage FromLocale(string? locale)
        => locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? BotLanguage.English
            : BotLanguage.French;

    public static CultureInfo Culture(this BotLanguage language)
        => CultureInfo.GetCultureInfo(language == BotLanguage.English ? "en-IE" : "fr-FR");

    public static string Code(this BotLanguage language) => language == BotLanguage.English ? "en" : "fr";
}
