namespace RelanceBot.Understanding;

/// <summary>Finds how many instalments a patient asks for: "en 3 fois", "3x", "deux mensualites", "in three parts".</summary>
internal static class InstallmentCounts
{
    private static readonly HashSet<string> Units =
    [
        "fois", "x", "mensualite", "mensualites", "versement", "versements", "echeance", "echeances", "paiements",
        "installment", "installments", "instalment", "instalments", "parts", "payments", "times",
    ];

    /// <summary>After "en 3" or "in two", these mean a duration or an amount, not a number of instalments.</summary>
    private static readonly HashSet<string> NotInstallments =
    [
        "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "heure", "heures", "minutes", "euros", "euro", "eur",
        "day", "days", "week", "weeks", "month", "months", "year", "years", "hours",
    ];

    /// <summary>The count asked for (2 or more), or null.</summary>
    public static int? Find(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TryReadAt(tokens, i) is >= 2 and <= 24 and var count)
            {
                return count;
            }
        }

        return null;
    }

    private static int? TryReadAt(IReadOnlyList<Token> tokens, int i)
    {
        var word = tokens[i].Text;
        var next = i + 1 < tokens.Count ? tokens[i + 1].Text : null;
        var previous = i > 0 ? tokens[i - 1].Text : null;

        // "3x", "x3"
        if (word.Length >= 2 && (word[^1] == 'x' || word[0] == 'x') && NumberWords.TryParse(word.Trim('x'), out var glued))
        {
            return glued;
        }

        if (!NumberWords.TryParse(word, out var number))
        {
            return null;
        }

        var countsInstallments =
            (next is not null && Units.Contains(next))
            || (previous is "sur" or "over" && next is "mois" or "months")
            || (previous is "en" or "in" && (next is null || !NotInstallments.Contains(next)));
        return countsInstallments ? number : null;
    }
}
