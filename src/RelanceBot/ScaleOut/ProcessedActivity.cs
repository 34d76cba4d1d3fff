namespace RelanceBot.ScaleOut;

/// <summary>
/// An activity delivery claimed by one instance (PostgreSQL only), until <see cref="ExpiresAt"/>. Keyed by a hash of
/// channel, conversation and activity id: the three ids may be 512 characters each, more than an index entry holds.
/// </summary>
public sealed class ProcessedActivity
{
    public required byte[] KeyHash { get; init; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The first delivery's invoke response, once it completed: replayed to a duplicate on any instance.</summary>
    public int? InvokeStatus { get; set; }

    public string? InvokeBodyJson { get; set; }
}
