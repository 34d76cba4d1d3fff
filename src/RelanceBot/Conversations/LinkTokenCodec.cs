using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RelanceBot.Conversations;

/// <summary>
/// The unguessable code a reminder carries to tie a conversation to its patient: "rb-" and 160 random bits in
/// lower-case base32, short enough to type from an SMS, far too long to guess. Only its SHA-256 is stored.
/// </summary>
public static partial class LinkTokenCodec
{
    private const string Prefix = "rb-";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const int RandomBytes = 20;

    public static string NewToken()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        return Prefix + Base32(random);
    }

    public static string Hash(string token)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token.ToLowerInvariant())));

    /// <summary>Finds a token anywhere in what the patient typed or pasted (case and surrounding text ignored).</summary>
    public static bool TryFind(string? text, out string token)
    {
        var match = text is null ? Match.Empty : TokenPattern().Match(text);
        token = match.Success ? match.Value.ToLowerInvariant() : "";
        return match.Success;
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 8 / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("(?<![a-z0-9])rb-[a-z2-7]{32}(?![a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
