using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// Whether a dispute's first message already says what is wrong ("on m'a facturé deux fois", "la mutuelle a payé")
/// rather than only that the patient contests ("je conteste cette facture"): some words remain once the words any
/// contestation uses are set aside.
/// </summary>
public static class DisputeReasons
{
    private const int ReasonWords = 2;

    private static readonly HashSet<string> ContestingWords = new(StringComparer.Ordinal)
    {
        "je", "j", "me", "moi", "c", "est", "ce", "cette", "ca", "la", "le", "les", "l", "un", "une", "de", "des", "du", "d",
        "sur", "avec", "il", "y", "a", "pas", "ne", "n", "suis", "veux", "voudrais", "souhaite", "aimerais", "bonjour",
        "conteste", "contester", "contestation", "facture", "factures", "montant", "accord", "erreur", "probleme",
        "votre", "vous", "madame", "monsieur", "svp", "merci",
        "i", "dispute", "disputing", "want", "would", "like", "to", "the", "this", "that", "bill", "invoice", "is", "it", "s",
        "wrong", "disagree", "with", "an", "error", "there", "hello", "please", "not", "don", "t", "agree",
    };

    public static bool IsGivenIn(string words)
        => ChoiceRecognizer.Normalize(words).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Count(word => !ContestingWords.Contains(word)) >= ReasonWords;
}
