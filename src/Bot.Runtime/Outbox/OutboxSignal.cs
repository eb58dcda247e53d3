using Microsoft.Extensions.Options;

namespace Bot.Outbox;

/// <summary>
/// What turns tell the outbox worker, and so where it looks next. A turn that queued a form wakes
/// the worker at once (instead of at its next poll) and names the form's shard, so the worker takes
/// from there, one command, instead of visiting all 16 shards for every form. Every shard is looked
/// at on start and then once a poll interval, until one look finds them all empty: forms another
/// instance queued, requeued or recovered. Shared by the worker's delivery loops.
/// </summary>
public sealed class OutboxSignal(IOptions<OutboxOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _lock = new();

    // Shards named since the last look, one bit each; moved into _notified by the next look, so a
    // name that comes while a look is finding that shard empty is not lost with it.
    private int _named;
    private int _notified;
    private bool _scanning = true;
    private long _lastScan;

    public void Notify(int shard)
    {
        Interlocked.Or(ref _named, 1 << shard);
        // Already signalled: one wake-up is enough. Checked first because a full semaphore answers
        // Release with an exception, and every completed form would pay for one (the benchmark's profile
        // found them); the catch is left for two turns that pass the check at the same moment.
        if (_wake.CurrentCount > 0)
        {
            return;
        }
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _wake.WaitAsync(timeout, cancellationToken);

    /// <summary>The shards to look at now (one bit each; 0 for none), and whether that is a look at every shard.</summary>
    public (int Shards, bool Scan) NextLook()
    {
        lock (_lock)
        {
            _notified |= Interlocked.Exchange(ref _named, 0);
            _scanning |= Environment.TickCount64 - _lastScan >= options.Value.PollInterval.TotalMilliseconds;
            return _scanning ? (OutboxStore.AllShards, true) : (_notified, false);
        }
    }

    /// <summary>A look found these shards empty.</summary>
    public void FoundEmpty(int shards, bool scan)
    {
        lock (_lock)
        {
            if (scan)
            {
                (_scanning, _lastScan) = (false, Environment.TickCount64);
            }
            _notified &= ~shards;
        }
    }

    public void Dispose() => _wake.Dispose();
}
