using System.Collections.Frozen;

namespace RelanceBot.Understanding;

/// <summary>SMS shorthand and contractions, expanded to the words the lexicon is written in.</summary>
internal static class SmsSpellings
{
    private static readonly FrozenDictionary<string, string[]> Expansions = new Dictionary<string, string>
    {
        // French shorthand
        ["jai"] = "j ai", ["g"] = "j ai", ["c"] = "c est", ["ct"] = "c etait", ["chui"] = "je suis", ["chuis"] = "je suis",
        ["jsp"] = "je sais pas", ["svp"] = "svp", ["stp"] = "svp", ["dc"] = "donc", ["pk"] = "pourquoi",
        ["pq"] = "pourquoi", ["qd"] = "quand", ["bcp"] = "beaucoup", ["tt"] = "tout", ["mtn"] = "maintenant",
        ["mnt"] = "maintenant", ["ds"] = "dans", ["pr"] = "pour", ["ns"] = "nous", ["vs"] = "vous", ["tjs"] = "toujours",
        ["dsl"] = "desole", ["pb"] = "probleme", ["pcq"] = "parce que", ["pck"] = "parce que", ["psk"] = "parce que",
        ["qqn"] = "quelqu un", ["qqun"] = "quelqu un", ["qqch"] = "quelque chose", ["koi"] = "quoi", ["ke"] = "que",
        ["k"] = "que", ["ki"] = "qui", ["msg"] = "message", ["msgs"] = "messages", ["tel"] = "telephone",
        ["rdv"] = "rendez vous", ["auj"] = "aujourd hui", ["ajd"] = "aujourd hui", ["ajrd"] = "aujourd hui",
        ["bjr"] = "bonjour", ["slt"] = "salut", ["cc"] = "coucou", ["bsr"] = "bonsoir", ["pa"] = "pas",
        ["cb"] = "carte", ["vx"] = "veux", ["jvx"] = "je veux", ["oki"] = "ok", ["dac"] = "d accord",
        ["quelqun"] = "quelqu un",
        // English shorthand and contractions without apostrophes
        ["u"] = "you", ["ur"] = "your", ["pls"] = "please", ["plz"] = "please", ["thx"] = "thanks", ["im"] = "i am",
        ["dont"] = "do not", ["cant"] = "can not", ["cannot"] = "can not", ["wont"] = "will not",
        ["didnt"] = "did not", ["doesnt"] = "does not", ["havent"] = "have not", ["ive"] = "i have", ["idk"] = "i do not know",
    }.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.Split(' '), StringComparer.Ordinal);

    /// <summary>Writes the expansion of <paramref name="word"/> to <paramref name="output"/> (the word itself if none).</summary>
    public static void Expand(string word, List<string> output)
    {
        if (Expansions.TryGetValue(word, out var words))
        {
            output.AddRange(words);
        }
        else if (IsContractedJe(word))
        {
            // "jpeux", "jveux", "jsuis", "jdois": no French or English word starts with j + consonant.
            output.Add("je");
            Expand(word[1..], output);
        }
        else
        {
            output.Add(word);
        }
    }

    private static bool IsContractedJe(string word) =>
        word.Length >= 3 && word[0] == 'j' && char.IsAsciiLetter(word[1]) && !"aeiouyh".Contains(word[1], StringComparison.Ordinal);
}
