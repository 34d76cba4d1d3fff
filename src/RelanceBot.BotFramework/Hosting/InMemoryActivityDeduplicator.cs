using Microsoft.Extensions.Options;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

/// <summary>
/// Single-instance deduplication: entries expire after <see cref="BotFrameworkOptions.DeduplicationWindow"/> and the
/// oldest are evicted beyond <see cref="BotFrameworkOptions.DeduplicationMaxEntries"/>. Scale-out replaces it with a shared store.
/// </summary>
internal sealed class InMemoryActivityDeduplicator(IOptions<BotFrameworkOptions> options, TimeProvider timeProvider) : IActivityDeduplicator
{
    private readonly Dictionary<ActivityKey, Entry> _entries = [];

    // Every entry lives for the same window, so insertion order is expiry order.
    private readonly Queue<(ActivityKey Key, Entry Entry)> _expiryOrder = new();
    private readonly Lock _lock = new();

    public ValueTask<DeduplicationCheck> TryBeginAsync(ActivityKey key, CancellationToken cancellationToken) => ValueTask.FromResult(TryBegin(key));

    public ValueTask CompleteAsync(ActivityKey key, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        Complete(key, invokeResponse);
        return ValueTask.CompletedTask;
    }

    public ValueTask AbandonAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        Abandon(key);
        return ValueTask.CompletedTask;
    }

    private DeduplicationCheck TryBegin(ActivityKey key)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            Evict(now);
            if (_entries.TryGetValue(key, out var existing))
            {
                return new DeduplicationCheck(IsDuplicate: true, existing.InvokeResponse);
            }

            var entry = new Entry(now + options.Value.DeduplicationWindow);
            _entries[key] = entry;
            _expiryOrder.Enqueue((key, entry));
            return DeduplicationCheck.FirstDelivery;
        }
    }

    private void Complete(ActivityKey key, InvokeResponse? invokeResponse)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                entry.InvokeResponse = invokeResponse;
            }
        }
    }

    private void Abandon(ActivityKey key)
    {
        lock (_lock)
        {
            _entries.Remove(key);
        }
    }

    private void Evict(DateTimeOffset now)
    {
        var maxEntries = options.Value.DeduplicationMaxEntries;
        while (_expiryOrder.TryPeek(out var oldest) && (oldest.Entry.ExpiresAt <= now || _expiryOrder.Count >= maxEntries))
        {
            _expiryOrder.Dequeue();

            // The key may have been abandoned and claimed again: only remove the entry this queue item created.
            if (_entries.TryGetValue(oldest.Key, out var current) && ReferenceEquals(current, oldest.Entry))
            {
                _entries.Remove(oldest.Key);
            }
        }
    }

    private sealed class Entry(DateTimeOffset expiresAt)
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
        public InvokeResponse? InvokeResponse { get; set; }
    }
}
