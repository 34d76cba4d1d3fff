using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RelanceBot.Tests.BotFramework.TestInfrastructure;

/// <summary>
/// The tokens an attacker who knows the Bot Framework issuer and the bot's app id can write: every one carries the
/// real issuer, audience and serviceurl claim, so only the signature, algorithm or lifetime gives it away.
/// </summary>
public static class ForgedTokens
{
    /// <summary>Three dot-separated segments that are not base64url JSON.</summary>
    public const string Garbage = "abc.def.ghi";

    public static string AlgorithmNone(string audience, string serviceUrl) =>
        new JsonWebTokenHandler().CreateToken(Descriptor(audience, serviceUrl, signing: null));

    /// <summary>HS256 with a secret of the attacker's choosing (the classic RS256/HS256 confusion).</summary>
    public static string Hmac(string audience, string serviceUrl) =>
        new JsonWebTokenHandler().CreateToken(Descriptor(audience, serviceUrl,
            new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256)));

    /// <summary>RS256 signed by a key nobody published, with a fresh key id.</summary>
    public static string UnknownKey(SigningKey attackerKey, string audience, string serviceUrl) =>
        LocalIdentityProvider.CreateChannelToken(attackerKey, audience, serviceUrl);

    /// <summary>RS256 signed by an unpublished key but claiming the id of a published one.</summary>
    public static string StolenKeyId(SigningKey attackerKey, string publishedKeyId, string audience, string serviceUrl)
    {
        var impostor = new RsaSecurityKey(attackerKey.Key.Rsa) { KeyId = publishedKeyId };
        return LocalIdentityProvider.CreateChannelToken(new SigningKey(impostor, attackerKey.Endorsements), audience, serviceUrl);
    }

    public static string Expired(SigningKey key, string audience, string serviceUrl) =>
        LocalIdentityProvider.CreateChannelToken(key, audience, serviceUrl, DateTime.UtcNow.AddHours(-2));

    /// <summary>One of each kind, in turn: the mix a load of forged requests is made of.</summary>
    public static IReadOnlyList<(string Kind, string Token)> Mix(SigningKey attackerKey, string publishedKeyId, string audience, string serviceUrl) =>
    [
        ("garbage", Garbage),
        ("alg none", AlgorithmNone(audience, serviceUrl)),
        ("HS256", Hmac(audience, serviceUrl)),
        ("RS256 unknown key", UnknownKey(attackerKey, audience, serviceUrl)),
        ("RS256 stolen kid", StolenKeyId(attackerKey, publishedKeyId, audience, serviceUrl)),
        ("expired", Expired(attackerKey, audience, serviceUrl)),
    ];

    private static SecurityTokenDescriptor Descriptor(string audience, string serviceUrl, SigningCredentials? signing)
    {
        var now = DateTime.UtcNow;
        return new SecurityTokenDescriptor
        {
            Issuer = LocalIdentityProvider.ChannelIssuer,
            Audience = audience,
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = signing,
        };
    }
}
