using Bot.Outbox;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Outbox;

/// <summary>The wake-up turns give the outbox worker: no store, no host.</summary>
public sealed class OutboxSignalTests
{
    private static OutboxSignal Signal() => new(Options.Create(new OutboxOptions { PollInterval = TimeSpan.FromHours(1) }));

    [Fact]
    public async Task Many_notifications_wake_the_worker_once_and_name_every_shard()
    {
        using var signal = Signal();
        signal.FoundEmpty(OutboxStore.AllShards, scan: true);

        signal.Notify(3);
        signal.Notify(3);
        signal.Notify(7);

        var woken = Task.Run(() => signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        await woken.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(((1 << 3) | (1 << 7), false), signal.NextLook());

        var started = DateTime.UtcNow;
        await signal.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(150), "a second wait should sleep until its timeout: one wake-up for the three notifications");
    }

    [Fact]
    public async Task Notifications_from_many_threads_at_once_never_throw_and_wake_the_worker()
    {
        using var signal = Signal();
        signal.FoundEmpty(OutboxStore.AllShards, scan: true);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                signal.Notify((thread + i) % 16);
            }
        })));

        var started = DateTime.UtcNow;
        await signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4));
        Assert.Equal((OutboxStore.AllShards, false), signal.NextLook());
    }
}
