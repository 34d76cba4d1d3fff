using RelanceBot.Conversations.Messages;

namespace RelanceBot.Teams.Messages;

/// <summary>What RelanceBot writes to staff in Teams, per language, from editable JSON (<c>Teams/Messages/{fr,en}.json</c>).</summary>
public sealed class TeamsMessages(MessageCatalog catalog)
{
    public static TeamsMessages Load(string directory) => new(MessageCatalog.Load(directory));

    public TeamsWording In(BotLanguage language) => new(this, language);

    public string Render(BotLanguage language, string key, params (string Name, string Value)[] values)
        => catalog.Render(language, key, values);

    public string RenderCount(BotLanguage language, string key, long count, params (string Name, string Value)[] values)
        => catalog.RenderCount(language, key, count, values);
}
