using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations;

/// <summary>
/// "merci", "ok", "d'accord", a thumbs-up: the patient acknowledges an answer. The recogniser calls these greetings;
/// they deserve a short courteous close, not "Bonjour" and a menu.
/// </summary>
public static class Acknowledgements
{
    private static readonly HashSet<string> Phrases = new(StringComparer.Ordinal)
    {
        "merci", "merci beaucoup", "merci bien", "mercii", "mrc", "ok", "okay", "ok merci", "ok merci beaucoup", "d accord",
        "dac", "daccord", "d accord merci", "parfait", "parfait merci", "super", "super merci", "top", "tres bien",
        "tres bien merci", "entendu", "bien recu", "ca marche", "ca marche merci", "nickel", "cool", "bonne journee",
        "merci bonne journee", "thanks", "thank you", "thx", "ok thanks", "great", "perfect", "got it", "fine",
    };

    public static bool Contains(string text)
    {
        var normalized = ChoiceRecognizer.Normalize(text);
        // Emoji or punctuation only ("👍", "🙏", ":)"): nothing left once letters and digits are kept.
        return Phrases.Contains(normalized) || (normalized.Length == 0 && text.Trim().Length > 0);
    }
}
