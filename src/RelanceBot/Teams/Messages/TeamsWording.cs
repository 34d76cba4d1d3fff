using System.Globalization;
using RelanceBot.Conversations.Messages;

namespace RelanceBot.Teams.Messages;

/// <summary>The staff messages in one language, for code that writes a whole card in it.</summary>
public sealed record TeamsWording(TeamsMessages Messages, BotLanguage Language)
{
    public CultureInfo Culture => Language.Culture();

    public TextFormat Format => TextFormat.For(Language);

    public string Say(string key, params (string Name, string Value)[] values) => Messages.Render(Language, key, values);

    /// <inheritdoc cref="MessageCatalog.RenderCount"/>
    public string SayCount(string key, long count, params (string Name, string Value)[] values)
        => Messages.RenderCount(Language, key, count, values);
}
