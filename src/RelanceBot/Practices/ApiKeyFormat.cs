using System.Security.Cryptography;
using System.Text;

namespace RelanceBot.Practices;

/// <summary>
/// API keys look like <c>rbk_XXXXXXXX…</c>: 256 random bits, base64url. The first characters after <c>rbk_</c> are the
/// non-secret prefix used to tell keys apart; the rest carries enough entropy on its own.
/// </summary>
internal static class ApiKeyFormat
{
    private const string Marker = "rbk_";
    private const int RandomBytes = 32;
    private const int PrefixLength = 8;

    public static string Generate() =>
        Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(RandomBytes))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string PrefixOf(string plainKey) => plainKey[..(Marker.Length + PrefixLength)];

    public static string Hash(string plainKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainKey)));
}
