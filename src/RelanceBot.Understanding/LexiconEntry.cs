namespace RelanceBot.Understanding;

/// <summary>
/// A phrase that is evidence for an intent. Its words must appear in order within one clause,
/// with at most <see cref="PhraseMatcher.MaxGap"/> other words between them.
/// A word ending in '*' is a stem ("desinscri*").
/// </summary>
/// <param name="IgnoresNegation">The phrase carries its own polarity ("peux pas payer", "robot"),
/// so a surrounding negation must not cancel it.</param>
internal sealed record LexiconEntry(Intent Intent, double Weight, string Phrase, bool IgnoresNegation)
{
    public string[] Words { get; } = Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
