namespace RelanceBot.Conversations;

/// <summary>
/// Runs one conversation's turns one after the other (in this process): a patient tapping twice, or a channel
/// retrying, would otherwise read the same dialog state twice and the second save would fail on its version.
/// Different conversations never wait for each other.
/// </summary>
public sealed class ConversationTurnGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Waits for the conversation's previous turn to end; dispose the result when this turn ends.</summary>
    public async Task<IDisposable> EnterAsync(string conversationKey, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationKey, out entry!))
            {
                entry = new Entry();
                _entries.Add(conversationKey, entry);
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(conversationKey, entry);
            throw;
        }

        return new Turn(this, conversationKey, entry);
    }

    /// <summary>Conversations with a turn running or waiting (entries are dropped when their last turn ends).</summary>
    internal int ActiveConversations
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Leave(string conversationKey, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(conversationKey);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn(ConversationTurnGate gate, string conversationKey, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                entry.Semaphore.Release();
                gate.Leave(conversationKey, entry);
            }
        }
    }
}
