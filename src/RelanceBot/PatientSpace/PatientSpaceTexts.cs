using RelanceBot.Conversations.Messages;

namespace RelanceBot.PatientSpace;

/// <summary>Every sentence of the patient space, per language (<c>PatientSpace/Messages/{fr,en}.json</c>).</summary>
public sealed class PatientSpaceTexts(MessageCatalog catalog)
{
    public string this[BotLanguage language, string key, params (string Name, string Value)[] values]
        => catalog.Render(language, key, values);

    public static string Money(BotLanguage language, long cents) => TextFormat.For(language).Money(cents);

    public static string Date(BotLanguage language, DateOnly date) => TextFormat.For(language).Date(date);
}
