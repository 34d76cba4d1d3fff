using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>
/// Conversation tokens and stream tickets: <c>base64url(payload).base64url(HMAC-SHA256)</c>, the payload naming one
/// conversation, what the token is for, and when it expires. Nothing else is needed to check one, so any instance with
/// the same <see cref="DirectLineOptions.SigningKey"/> accepts it. The key is never logged.
/// </summary>
internal sealed class DirectLineTokens
{
    /// <summary>A stream ticket only has to last until the client opens the socket (Azure gives 60 s).</summary>
    public static readonly TimeSpan StreamTicketLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Longer strings are not ours: refuse them before decoding.</summary>
    private const int MaxTokenLength = 512;

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _tokenLifetime;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider timeProvider)
    {
        _key = options.Value.SigningKey is { Length: > 0 } configured
            ? DirectLineOptionsValidator.SigningKeyBytes(configured)!
            : RandomNumberGenerator.GetBytes(32);
        _timeProvider = timeProvider;
        _tokenLifetime = options.Value.TokenLifetime;
    }

    public IssuedToken IssueConversationToken(string conversationId) => Issue(conversationId, TokenPurpose.Conversation, _tokenLifetime);

    public IssuedToken IssueStreamTicket(string conversationId) => Issue(conversationId, TokenPurpose.Stream, StreamTicketLifetime);

    public TokenCheck Check(string token, TokenPurpose purpose)
    {
        if (token.Length > MaxTokenLength || token.Split('.') is not [var payloadPart, var macPart])
        {
            return TokenCheck.Invalid;
        }

        var payload = Decode(payloadPart);
        var mac = Decode(macPart);
        if (payload is null || mac is null || !CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            return TokenCheck.Invalid;
        }

        var claims = ReadPayload(payload);
        if (claims is null || claims.Value.Purpose != purpose)
        {
            return TokenCheck.Invalid;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.Value.ExpiresAt);
        return expiresAt <= _timeProvider.GetUtcNow()
            ? new TokenCheck(TokenStatus.Expired, claims.Value.ConversationId, expiresAt)
            : new TokenCheck(TokenStatus.Valid, claims.Value.ConversationId, expiresAt);
    }

    private IssuedToken Issue(string conversationId, TokenPurpose purpose, TimeSpan lifetime)
    {
        var expiresAt = _timeProvider.GetUtcNow() + lifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["p"] = purpose == TokenPurpose.Conversation ? "c" : "s",
            ["c"] = conversationId,
            ["e"] = expiresAt.ToUnixTimeSeconds(),
        });
        var token = Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
        return new IssuedToken(token, expiresAt, (int)lifetime.TotalSeconds);
    }

    private static byte[]? Decode(string part)
    {
        var buffer = new byte[Base64Url.GetMaxDecodedLength(part.Length)];
        return Base64Url.DecodeFromChars(part, buffer, out var consumed, out var written) == System.Buffers.OperationStatus.Done
            && consumed == part.Length
            ? buffer[..written]
            : null;
    }

    private static (TokenPurpose Purpose, string ConversationId, long ExpiresAt)? ReadPayload(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var purpose = root.GetProperty("p").GetString() switch
            {
                "c" => TokenPurpose.Conversation,
                "s" => TokenPurpose.Stream,
                _ => (TokenPurpose?)null,
            };
            var conversationId = root.GetProperty("c").GetString();
            return purpose is null || string.IsNullOrEmpty(conversationId)
                ? null
                : (purpose.Value, conversationId, root.GetProperty("e").GetInt64());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

internal enum TokenPurpose
{
    /// <summary>The <c>Authorization: Bearer</c> token of the REST calls.</summary>
    Conversation,

    /// <summary>The <c>t</c> of a stream URL: opens that conversation's WebSocket, nothing else.</summary>
    Stream,
}

internal enum TokenStatus
{
    Invalid,
    Expired,
    Valid,
}

internal sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt, int ExpiresInSeconds);

internal sealed record TokenCheck(TokenStatus Status, string? ConversationId, DateTimeOffset? ExpiresAt)
{
    public static TokenCheck Invalid { get; } = new(TokenStatus.Invalid, null, null);
}
