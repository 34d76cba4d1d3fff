using System.Buffers.Text;
using System.Security.Cryptography;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>
/// The app's way into the built-in Direct Line channel: a page the app serves asks for a conversation already bound to
/// its user, hands the token to Web Chat (<c>createDirectLine({ token, domain })</c>), and never shows a secret.
/// </summary>
public sealed class DirectLineConversations
{
    /// <summary>User ids and names are echoed on every activity: keep them short.</summary>
    public const int MaxUserFieldLength = 256;

    private readonly IDirectLineStore _store;
    private readonly DirectLineTokens _tokens;

    internal DirectLineConversations(IDirectLineStore store, DirectLineTokens tokens)
    {
        _store = store;
        _tokens = tokens;
    }

    /// <summary>
    /// Creates a conversation bound to <paramref name="user"/> and a token for it alone. Every activity the bot receives
    /// from it comes <c>from</c> that user (id, name, role <c>user</c>) whatever the browser sends, and carries
    /// <paramref name="binding"/> (an opaque value of the app's, e.g. what identifies the patient) as
    /// <c>channelData.binding</c>: read it with <see cref="DirectLineTurnExtensions.GetDirectLineBinding"/>.
    /// </summary>
    public async Task<DirectLineGrant> CreateAsync(DirectLineUser user, string? binding, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Id);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(user.Id.Length, MaxUserFieldLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(user.Name?.Length ?? 0, MaxUserFieldLength);

        var conversation = new DirectLineConversation(
            NewConversationId(),
            new ChannelAccount { Id = user.Id, Name = user.Name, Role = "user" },
            binding,
            Locale: null);
        await _store.CreateAsync(conversation, cancellationToken);
        var token = _tokens.IssueConversationToken(conversation.Id);
        return new DirectLineGrant(conversation.Id, token.Token, token.ExpiresInSeconds);
    }

    /// <summary>A user id for a client that did not say who it is (Azure's enhanced authentication uses the same prefix).</summary>
    internal static string NewUserId() => "dl_" + RandomPart();

    /// <summary>128 random bits: a conversation id is not a credential, but guessing one should not even reach a 403.</summary>
    private static string NewConversationId() => RandomPart();

    private static string RandomPart() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}

/// <summary>Who a Direct Line conversation is for; <see cref="Id"/> becomes <c>from.id</c> of everything they post.</summary>
public sealed record DirectLineUser(string Id, string? Name = null);

/// <summary>A conversation's id and a token scoped to it (Direct Line's <c>Conversation</c> object without a stream URL).</summary>
public sealed record DirectLineGrant(string ConversationId, string Token, int ExpiresInSeconds);
