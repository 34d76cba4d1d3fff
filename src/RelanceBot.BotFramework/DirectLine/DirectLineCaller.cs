using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>
/// Who calls a Direct Line route: the holder of the secret (any conversation) or of one conversation's token.
/// <see cref="ConversationId"/> is null for the secret.
/// </summary>
internal sealed record DirectLineCaller(string? ConversationId, string? Token, DateTimeOffset TokenExpiresAt)
{
    public static DirectLineCaller Secret { get; } = new(null, null, DateTimeOffset.MaxValue);

    public bool IsSecret => ConversationId is null;

    /// <summary>May this caller read and post in <paramref name="conversationId"/>?</summary>
    public bool Reaches(string conversationId) => IsSecret || string.Equals(ConversationId, conversationId, StringComparison.Ordinal);
}

/// <summary>Reads <c>Authorization: Bearer …</c>: the secret (compared in constant time) or a conversation token.</summary>
internal sealed class DirectLineAuthorizer(DirectLineTokens tokens, IOptions<DirectLineOptions> options)
{
    private readonly byte[]? _secretHash = options.Value.Secret is { Length: > 0 } secret ? Hash(secret) : null;

    /// <summary>The caller, or the 401/403 problem to answer.</summary>
    public (DirectLineCaller? Caller, IResult? Problem) Authorize(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            return (null, DirectLineProblems.MissingToken());
        }

        var credential = header[scheme.Length..].Trim();
        if (_secretHash is not null && CryptographicOperations.FixedTimeEquals(Hash(credential), _secretHash))
        {
            return (DirectLineCaller.Secret, null);
        }

        var check = tokens.Check(credential, TokenPurpose.Conversation);
        return check.Status switch
        {
            TokenStatus.Valid => (new DirectLineCaller(check.ConversationId, credential, check.ExpiresAt!.Value), null),
            TokenStatus.Expired => (null, DirectLineProblems.ExpiredToken()),
            _ => (null, DirectLineProblems.InvalidToken()),
        };
    }

    /// <summary>Hashing first makes the comparison's time independent of the lengths too.</summary>
    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
