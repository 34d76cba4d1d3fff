using RelanceBot.Conversations.Messages;

namespace RelanceBot.Alerts;

/// <summary>
/// What staff read outside the Teams cards' own wording (alert summaries, the preview's notes), from editable JSON (<c>Alerts/Messages/{fr,en}.json</c>), in the
/// practice's language (<see cref="Practices.Practice.Language"/>) with that language's formats.
/// </summary>
public sealed class StaffTexts(MessageCatalog catalog, BotLanguage language)
{
    public BotLanguage Language => language;

    public TextFormat Format => TextFormat.For(language);

    public string Say(string key, params (string Name, string Value)[] values) => catalog.Render(language, key, values);

    /// <inheritdoc cref="MessageCatalog.RenderCount"/>
    public string SayCount(string key, long count, params (string Name, string Value)[] values)
        => catalog.RenderCount(language, key, count, values);
}
