using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Conversations.Messages;

namespace RelanceBot.Conversations;

/// <summary>Answers within a turn in the patient's language, from the message catalog.</summary>
internal sealed class Reply(ITurnContext turn, MessageCatalog messages, BotLanguage language)
{
    public BotLanguage Language => language;

    /// <summary>The same turn, answered in <paramref name="other"/>.</summary>
    public Reply In(BotLanguage other) => new(turn, messages, other);

    public TextFormat Format => TextFormat.For(language);

    public string Render(string key, params (string Name, string Value)[] values)
        => messages.Render(language, key, values);

    public string RenderCount(string key, long count, params (string Name, string Value)[] values)
        => messages.RenderCount(language, key, count, values);

    /// <summary>Sends the given messages as one chat message, one paragraph each.</summary>
    public Task SayAsync(CancellationToken cancellationToken, params string[] keys)
        => SendAsync(string.Join("\n\n", keys.Select(key => Render(key))), cancellationToken);

    public Task SendAsync(string text, CancellationToken cancellationToken)
        => turn.SendActivityAsync(turn.Activity.CreateReply(text), cancellationToken);
}
