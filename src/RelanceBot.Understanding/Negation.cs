namespace RelanceBot.Understanding;

/// <summary>
/// Decides whether a matched phrase sits under a negation: "je n'ai pas encore payé" must not count as paid,
/// "je ne conteste pas" must not count as a dispute.
/// </summary>
internal static class Negation
{
    private const int WordsBefore = 3;

    public static bool IsNegator(string word) =>
        word is "ne" or "n" or "pas" or "jamais" or "rien" or "aucun" or "aucune" or "not" or "never";

    /// <summary>True when a negator is inside the span, shortly before it, or a "pas" right after it, in the same clause.</summary>
    public static bool Covers(IReadOnlyList<Token> tokens, int start, int end)
    {
        var clause = tokens[start].Clause;
        for (var i = Math.Max(0, start - WordsBefore); i <= end; i++)
        {
            if (tokens[i].Clause == clause && IsNegator(tokens[i].Text))
            {
                return true;
            }
        }

        return end + 1 < tokens.Count && tokens[end + 1].Clause == clause && IsTrailingNegation(tokens, end + 1);
    }

    /// <summary>"je paie pas" negates, "je paierai plus tard" and "pas de souci" do not.</summary>
    private static bool IsTrailingNegation(IReadOnlyList<Token> tokens, int index)
    {
        var next = index + 1 < tokens.Count ? tokens[index + 1].Text : "";
        return tokens[index].Text switch
        {
            "pas" => next is not ("de" or "d" or "du"),
            "plus" => next is not "tard",
            "jamais" or "rien" => true,
            _ => false,
        };
    }
}
