using System.Globalization;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>
/// One process's conversations, bounded: at most <see cref="DirectLineOptions.MaxActivitiesPerConversation"/> activities
/// each (the oldest dropped), forgotten after <see cref="DirectLineOptions.ConversationIdleTimeout"/> without use, and at
/// most <see cref="DirectLineOptions.MaxConversations"/> (the least recently used forgotten). Several instances would
/// need a shared store with a change feed instead (see docs/direct-line.md).
/// </summary>
internal sealed class InMemoryDirectLineStore(IOptions<DirectLineOptions> options, TimeProvider timeProvider) : IDirectLineStore
{
    private readonly Dictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public ValueTask CreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            SweepIdle(now);
            while (_conversations.Count >= options.Value.MaxConversations)
            {
                Forget(_conversations.Values.MinBy(entry => entry.LastUsed)!);
            }

            _conversations.Add(conversation.Id, new Entry(conversation, now));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(Use(conversationId)?.Conversation);
        }
    }

    public ValueTask<bool?> StartAsync(string conversationId, string? locale, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Use(conversationId) is not { } entry)
            {
                return ValueTask.FromResult<bool?>(null);
            }

            if (entry.Started)
            {
                return ValueTask.FromResult<bool?>(false);
            }

            entry.Started = true;
            entry.Conversation = entry.Conversation with { Locale = locale ?? entry.Conversation.Locale };
            return ValueTask.FromResult<bool?>(true);
        }
    }

    public ValueTask<AppendedActivity?> AppendAsync(string conversationId, Activity activity, string? clientActivityId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Use(conversationId) is not { } entry)
            {
                return ValueTask.FromResult<AppendedActivity?>(null);
            }

            if (clientActivityId is not null && entry.Log.Find(logged => logged.ClientActivityId == clientActivityId) is { } earlier)
            {
                return ValueTask.FromResult<AppendedActivity?>(new AppendedActivity(earlier.Activity, AlreadyStored: true));
            }

            var sequence = ++entry.LastSequence;
            var stored = activity with { Id = ActivityId(conversationId, sequence) };
            entry.Log.Add(new Logged(sequence, stored, clientActivityId));
            if (entry.Log.Count > options.Value.MaxActivitiesPerConversation)
            {
                entry.Log.RemoveAt(0);
            }

            entry.Signal();
            return ValueTask.FromResult<AppendedActivity?>(new AppendedActivity(stored, AlreadyStored: false));
        }
    }

    public ValueTask<ActivitySet?> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Use(conversationId) is not { } entry)
            {
                return ValueTask.FromResult<ActivitySet?>(null);
            }

            // Sequences in the log are consecutive, so the first one after the watermark is found by subtraction.
            var first = entry.Log.Count == 0 ? entry.LastSequence + 1 : entry.Log[0].Sequence;
            var start = (int)Math.Clamp(watermark - first + 1, 0, entry.Log.Count);
            var page = entry.Log.GetRange(start, Math.Min(max, entry.Log.Count - start));
            var next = page.Count == 0 ? Math.Min(Math.Max(watermark, 0), entry.LastSequence) : page[^1].Sequence;
            return ValueTask.FromResult<ActivitySet?>(new ActivitySet(
                page.ConvertAll(logged => logged.Activity),
                next.ToString(CultureInfo.InvariantCulture)));
        }
    }

    public async ValueTask WaitForActivityAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_lock)
        {
            if (!_conversations.TryGetValue(conversationId, out var entry) || entry.LastSequence > watermark)
            {
                return;
            }

            changed = entry.Changed.Task;
        }

        await changed.WaitAsync(cancellationToken);
    }

    private static string ActivityId(string conversationId, long sequence)
        => conversationId + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The live entry, its idle clock reset; an entry idle for too long is forgotten instead.</summary>
    private Entry? Use(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        if (now - entry.LastUsed >= options.Value.ConversationIdleTimeout)
        {
            Forget(entry);
            return null;
        }

        entry.LastUsed = now;
        return entry;
    }

    /// <summary>Forgets idle conversations at most once per tenth of the idle timeout, so creating stays cheap.</summary>
    private void SweepIdle(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        var idleTimeout = options.Value.ConversationIdleTimeout;
        _nextSweep = now + idleTimeout / 10;
        foreach (var idle in _conversations.Values.Where(entry => now - entry.LastUsed >= idleTimeout).ToList())
        {
            Forget(idle);
        }
    }

    private void Forget(Entry entry)
    {
        _conversations.Remove(entry.Conversation.Id);
        // Streams waiting on it wake up and find it gone.
        entry.Signal();
    }

    private sealed record Logged(long Sequence, Activity Activity, string? ClientActivityId);

    private sealed class Entry(DirectLineConversation conversation, DateTimeOffset now)
    {
        public DirectLineConversation Conversation { get; set; } = conversation;
        public bool Started { get; set; }
        public long LastSequence { get; set; }
        public DateTimeOffset LastUsed { get; set; } = now;
        public List<Logged> Log { get; } = [];
        public TaskCompletionSource Changed { get; private set; } = NewSignal();

        public void Signal()
        {
            var changed = Changed;
            Changed = NewSignal();
            changed.TrySetResult();
        }

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
