using System.Collections.Frozen;

namespace RelanceBot.Understanding;

/// <summary>
/// Finds lexicon phrases in a normalised utterance. The lexicon is compiled once into word ids, so a call
/// only looks each token up (exactly, by stem, then within one typo) and walks the phrases starting with it.
/// </summary>
internal sealed class PhraseMatcher
{
    /// <summary>Filler words allowed between two words of a phrase ("parler a quelqu un" matches "parler quelqu").</summary>
    public const int MaxGap = 2;

    /// <summary>Shorter words are too easily one typo away from another word ("paie"/"pale").</summary>
    private const int MinFuzzyLength = 5;

    private static readonly int[] NoIds = [];

    private readonly IReadOnlyList<LexiconEntry> entries;
    private readonly int[][] entryWordIds;
    private readonly FrozenDictionary<string, int> exactWords;
    private readonly (string Stem, int Id)[] stems;
    private readonly (string Word, int Id)[] fuzzyWords;
    private readonly FrozenDictionary<int, int[]> entriesByFirstWord;

    public PhraseMatcher(IReadOnlyList<LexiconEntry> entries)
    {
        this.entries = entries;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        entryWordIds = entries
            .Select(entry => entry.Words.Select(word => ids.TryGetValue(word, out var id) ? id : ids[word] = ids.Count).ToArray())
            .ToArray();

        exactWords = ids.Where(pair => !IsStem(pair.Key)).ToFrozenDictionary(StringComparer.Ordinal);
        stems = [.. ids.Where(pair => IsStem(pair.Key)).Select(pair => (pair.Key[..^1], pair.Value))];
        fuzzyWords = [.. exactWords.Where(pair => pair.Key.Length >= MinFuzzyLength).Select(pair => (pair.Key, pair.Value))];
        entriesByFirstWord = Enumerable.Range(0, entries.Count)
            .GroupBy(entry => entryWordIds[entry][0])
            .ToFrozenDictionary(group => group.Key, group => group.ToArray());
    }

    /// <summary>The first occurrence of every phrase present in <paramref name="tokens"/>.</summary>
    public List<PhraseMatch> FindAll(IReadOnlyList<Token> tokens)
    {
        var tokenIds = new int[tokens.Count][];
        for (var i = 0; i < tokens.Count; i++)
        {
            tokenIds[i] = WordIdsOf(tokens[i].Text);
        }

        var found = new bool[entries.Count];
        var matches = new List<PhraseMatch>();
        for (var start = 0; start < tokens.Count; start++)
        {
            foreach (var firstWord in tokenIds[start])
            {
                if (!entriesByFirstWord.TryGetValue(firstWord, out var candidates))
                {
                    continue;
                }

                foreach (var entry in candidates)
                {
                    if (!found[entry] && TryMatchFrom(start, entryWordIds[entry], tokens, tokenIds, out var end))
                    {
                        found[entry] = true;
                        matches.Add(new PhraseMatch(entries[entry], start, end));
                    }
                }
            }
        }

        return matches;
    }

    private static bool TryMatchFrom(int start, int[] words, IReadOnlyList<Token> tokens, int[][] tokenIds, out int end)
    {
        end = start;
        for (var w = 1; w < words.Length; w++)
        {
            var next = -1;
            var limit = Math.Min(tokens.Count - 1, end + 1 + MaxGap);
            for (var t = end + 1; t <= limit && tokens[t].Clause == tokens[start].Clause; t++)
            {
                if (Array.IndexOf(tokenIds[t], words[w]) >= 0)
                {
                    next = t;
                    break;
                }
            }

            if (next < 0)
            {
                return false;
            }

            end = next;
        }

        return true;
    }

    private int[] WordIdsOf(string token)
    {
        List<int>? ids = null;
        var exact = exactWords.TryGetValue(token, out var exactId);
        if (exact)
        {
            (ids ??= []).Add(exactId);
        }

        foreach (var (stem, id) in stems)
        {
            if (token.StartsWith(stem, StringComparison.Ordinal))
            {
                (ids ??= []).Add(id);
            }
        }

        // Typos are only forgiven for words the lexicon does not know, so "arret" stays "arret".
        if (!exact && token.Length >= MinFuzzyLength)
        {
            foreach (var (word, id) in fuzzyWords)
            {
                if (EditDistance.IsAtMostOneEdit(token, word))
                {
                    (ids ??= []).Add(id);
                }
            }
        }

        return ids is null ? NoIds : [.. ids];
    }

    private static bool IsStem(string word) => word.EndsWith('*');
}
