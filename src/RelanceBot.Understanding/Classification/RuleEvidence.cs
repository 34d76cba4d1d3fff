namespace RelanceBot.Understanding.Classification;

/// <summary>
/// The rules' scores as classifier features: the lexicon knows phrasings and negations the training replies may not
/// show often enough, and the classifier learns how far to trust each intent's score.
/// </summary>
internal static class RuleEvidence
{
    public const int Length = 11;

    /// <summary>Scores above this add nothing: a settled phrase is settled.</summary>
    private const double Cap = 6;

    public static float[] From(IntentScores scores)
    {
        var evidence = new float[Length];
        foreach (var intent in Enum.GetValues<Intent>())
        {
            evidence[(int)intent] = (float)(Math.Min(scores[intent], Cap) / Cap);
        }

        return evidence;
    }
}
