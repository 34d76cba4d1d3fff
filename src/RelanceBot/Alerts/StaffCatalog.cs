using RelanceBot.Conversations.Messages;

namespace RelanceBot.Alerts;

/// <summary>The staff texts' catalog (<c>Alerts/Messages/{fr,en}.json</c>), read in the language of the practice at hand.</summary>
public sealed class StaffCatalog(MessageCatalog catalog)
{
    public StaffTexts In(BotLanguage language) => new(catalog, language);
}
