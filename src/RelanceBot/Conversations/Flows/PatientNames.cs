using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>A name as patients give it for the identity check: "Martin", "Jeanne Martin", "je m'appelle Jeanne Martin".</summary>
public static class PatientNames
{
    /// <summary>At most a first name, a compound last name and a particle: more words would let one try many surnames.</summary>
    private const int MaximumWords = 4;

    private static readonly string[][] Introductions =
    [
        ["bonjour"], ["bonsoir"], ["salut"], ["hello"], ["hi"], ["je", "suis"], ["je", "m", "appelle"], ["moi", "c", "est"],
        ["c", "est"], ["mon", "nom", "est"], ["mon", "nom", "c", "est"], ["nom"], ["my", "name", "is"], ["i", "am"], ["i", "m"],
        ["this", "is"], ["madame"], ["monsieur"], ["mme"], ["m"],
    ];

    /// <summary>The name in a message that is only a name, once introductions are set aside; null otherwise.</summary>
    public static string? GivenIn(string text)
    {
        var words = ChoiceRecognizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var introduction = Introduction(words); introduction is not null; introduction = Introduction(words))
        {
            words.RemoveRange(0, introduction.Length);
        }

        return words.Count is > 0 and <= MaximumWords && words.All(word => word.All(char.IsLetter)) ? string.Join(' ', words) : null;
    }

    /// <summary>The typed name (normalised) is the patient's last name, alone or with other words around it.</summary>
    public static bool Matches(string typed, string lastName)
    {
        var surname = ChoiceRecognizer.Normalize(lastName);
        var words = typed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return surname.Length > 0 && words.Length <= MaximumWords && $" {typed} ".Contains($" {surname} ", StringComparison.Ordinal);
    }

    private static string[]? Introduction(List<string> words)
        => Introductions.FirstOrDefault(intro => intro.Length <= words.Count && words.Take(intro.Length).SequenceEqual(intro));
}
