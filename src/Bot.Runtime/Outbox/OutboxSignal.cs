namespace Bot.Outbox;

/// <summary>
/// Wakes the outbox worker as soon as a turn has queued a form, instead of waiting for its next
/// poll, and tells it which shard the form is in, so it takes from there without visiting the others.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _shards;

    public void Notify(int shard)
    {
        Interlocked.Or(ref _shards, 1 << shard);
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up is enough.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _signal.WaitAsync(timeout, cancellationToken);

    /// <summary>The shards notified since the last call, one bit each, and forgets them.</summary>
    public int TakeNotified() => Interlocked.Exchange(ref _shards, 0);

    public void Dispose() => _signal.Dispose();
}
