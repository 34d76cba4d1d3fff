namespace RelanceBot.Understanding;

/// <summary>Where a lexicon phrase was found: tokens <see cref="Start"/> to <see cref="End"/>, inclusive.</summary>
internal readonly record struct PhraseMatch(LexiconEntry Entry, int Start, int End)
{
    public bool Overlaps(PhraseMatch other) => Start <= other.End && other.Start <= End;
}
