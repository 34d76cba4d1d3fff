namespace RelanceBot.Understanding;

/// <summary>A normalised word and the clause it belongs to (clauses are split by punctuation and "mais").</summary>
internal readonly record struct Token(string Text, int Clause);
