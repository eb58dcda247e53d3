using System.Text.Json;
using Bot.State;
using StackExchange.Redis;

namespace Bot.Outbox;

/// <summary>
/// The outbox lists in Redis. An entry is moved atomically to the in-flight list while it is
/// delivered (RPOPLPUSH), so a process that dies mid-delivery leaves it there to be recovered.
/// </summary>
public sealed class OutboxStore(IConnectionMultiplexer redis, BotKeys keys, TimeProvider clock)
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<string?> TakeAsync() => await Db.ListRightPopLeftPushAsync(keys.Outbox, keys.OutboxInFlight);

    public Task DoneAsync(string entry) => Db.ListRemoveAsync(keys.OutboxInFlight, entry, 1);

    /// <summary>Back to the end of the queue, to be tried again after the others.</summary>
    public async Task RequeueAsync(string entry)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.ListRemoveAsync(keys.OutboxInFlight, entry, 1);
        _ = transaction.ListLeftPushAsync(keys.Outbox, entry);
        await transaction.ExecuteAsync();
    }

    public async Task DeadLetterAsync(string entry, int status, string reason)
    {
        var letter = JsonSerializer.Serialize(new DeadLetter(entry, status, reason, clock.GetUtcNow()), StateJsonContext.Default.DeadLetter);
        var transaction = Db.CreateTransaction();
        _ = transaction.ListRemoveAsync(keys.OutboxInFlight, entry, 1);
        _ = transaction.ListLeftPushAsync(keys.OutboxDead, letter);
        await transaction.ExecuteAsync();
    }

    /// <summary>At start: whatever was in flight when a process died goes back to the queue (the core's idempotency makes a repeat harmless).</summary>
    public async Task<int> RecoverAsync()
    {
        var moved = 0;
        while (!(await Db.ListRightPopLeftPushAsync(keys.OutboxInFlight, keys.Outbox)).IsNull)
        {
            moved++;
        }
        return moved;
    }

    public async Task<OutboxStatus> StatusAsync()
    {
        var queued = Db.ListLengthAsync(keys.Outbox);
        var inFlight = Db.ListLengthAsync(keys.OutboxInFlight);
        var dead = Db.ListLengthAsync(keys.OutboxDead);
        var oldest = Db.ListGetByIndexAsync(keys.Outbox, -1);
        var oldestEntry = (string?)await oldest;
        var age = oldestEntry is null ? 0 : (clock.GetUtcNow() - JsonSerializer.Deserialize(oldestEntry, StateJsonContext.Default.OutboxEntry)!.EnqueuedAt).TotalSeconds;
        return new OutboxStatus(await queued, await inFlight, await dead, Math.Round(Math.Max(0, age), 1));
    }
}

public sealed record OutboxStatus(long Queued, long InFlight, long DeadLetters, double OldestAgeSeconds);
