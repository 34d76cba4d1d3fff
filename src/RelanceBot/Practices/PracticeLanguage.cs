using RelanceBot.Conversations.Messages;
using RelanceBot.Intake;

namespace RelanceBot.Practices;

/// <summary>Reads the staff language a practice chooses (<c>--language</c>, the API's <c>language</c>).</summary>
public static class PracticeLanguage
{
    public const string Field = "language";

    private const string Choices = "fr or en.";

    /// <summary>French when <paramref name="code"/> is empty; an error on <see cref="Field"/> for a language the bot does not speak.</summary>
    public static BotLanguage Parse(string? code, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(code))
        {
            return BotLanguage.French;
        }

        if (BotLanguages.FromCode(code.Trim().ToLowerInvariant()) is { } language)
        {
            return language;
        }

        errors.Add(Field, Choices);
        return BotLanguage.French;
    }

    /// <summary>As <see cref="Parse"/>, but a change of language must name one: empty is an error on <see cref="Field"/>.</summary>
    public static BotLanguage Require(string? code, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(Field, Choices);
            return BotLanguage.French;
        }

        return Parse(code, errors);
    }
}
