namespace Bot.Turns;

/// <summary>
/// Work queued per key (a conversation, a Zalo user) that runs one item at a time in arrival
/// order for each key, and in parallel across keys. A key's queue disappears when it drains.
/// </summary>
public sealed class OrderedWork
{
    private readonly Dictionary<string, (Task Tail, int Pending)> _queues = new(StringComparer.Ordinal);

    public void Enqueue(string key, Func<Task> work)
    {
        lock (_queues)
        {
            var previous = _queues.TryGetValue(key, out var queue) ? queue.Tail : Task.CompletedTask;
            var tail = previous.ContinueWith(_ => work(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            _queues[key] = (tail, queue.Pending + 1);
            tail.ContinueWith(_ => Done(key), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Work queued or running, for a clean shutdown and for tests that wait for quiet.</summary>
    public Task IdleAsync()
    {
        lock (_queues)
        {
            return Task.WhenAll(_queues.Values.Select(q => q.Tail));
        }
    }

    /// <summary>Waits for the work in hand, within the host's shutdown time.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        IdleAsync().WaitAsync(cancellationToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    private void Done(string key)
    {
        lock (_queues)
        {
            var queue = _queues[key];
            if (queue.Pending == 1)
            {
                _queues.Remove(key);
            }
            else
            {
                _queues[key] = (queue.Tail, queue.Pending - 1);
            }
        }
    }
}
