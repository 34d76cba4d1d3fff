namespace RelanceBot.Understanding;

/// <summary>Damerau-Levenshtein distance bounded to one edit, in linear time and without allocating.</summary>
internal static class EditDistance
{
    /// <summary>True when <paramref name="a"/> becomes <paramref name="b"/> by at most one substitution,
    /// insertion, deletion or transposition of adjacent letters.</summary>
    public static bool IsAtMostOneEdit(string a, string b)
    {
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length - b.Length > 1)
        {
            return false;
        }

        var prefix = 0;
        while (prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (a.Length != b.Length)
        {
            return a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix));
        }

        if (prefix == a.Length)
        {
            return true;
        }

        var substituted = a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1));
        var transposed = prefix + 1 < a.Length
            && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
            && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2));
        return substituted || transposed;
    }
}
