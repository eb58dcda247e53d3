namespace Bot.Turns;

/// <summary>
/// Runs turns of one conversation one at a time in this process (a fast double tap queues
/// instead of racing). Across processes the state's ETag check is the safety net.
/// </summary>
public sealed class ConversationLocks
{
    // A plain lock guards the counts: held for a few instructions, so it costs less than a
    // lock-free scheme would, and an entry can never be disposed while someone waits on it.
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string conversation, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversation, out entry!))
            {
                _entries[conversation] = entry = new Entry();
            }
            entry.Users++;
        }
        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(conversation, entry);
            throw;
        }
        return new Releaser(() =>
        {
            entry.Gate.Release();
            Leave(conversation, entry);
        });
    }

    private void Leave(string conversation, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(conversation);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
