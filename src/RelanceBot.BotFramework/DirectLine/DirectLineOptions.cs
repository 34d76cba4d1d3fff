using System.ComponentModel.DataAnnotations;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>The built-in Direct Line 3.0 endpoint (section <c>DirectLine</c>), validated at start.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>The base path clients use as <c>domain</c>.</summary>
    public const string BasePath = "/v3/directline";

    public bool Enabled { get; set; } = true;

    /// <summary>How long a conversation token lives; clients refresh it before (DirectLineJS every 15 min).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The master key a server (never a browser) may use to start conversations and generate tokens. Empty: only the
    /// app mints tokens, through <see cref="DirectLineConversations"/>.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Base64 HMAC-SHA256 key (at least 32 bytes) that signs tokens. Empty: a random key is made at start, so tokens die
    /// with the process and are not accepted by another instance.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Activities kept per conversation; older ones are dropped (a watermark before them reads from the oldest kept).</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>A conversation nobody used for this long is forgotten (its tokens then get 404).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Conversations kept at once; beyond, the least recently used is forgotten.</summary>
    [Range(1, 10_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>The bot's account on Direct Line activities (<c>from</c> of its replies, <c>recipient</c> of the user's).</summary>
    [Required]
    public string BotId { get; set; } = "bot";

    public string? BotName { get; set; }
}
