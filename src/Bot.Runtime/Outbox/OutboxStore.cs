using System.Text.Json;
using Bot.State;
using StackExchange.Redis;

namespace Bot.Outbox;

/// <summary>
/// The outbox lists in Redis, in <see cref="BotKeys.OutboxShards"/> shards (each with its own
/// queue, in-flight and dead-letter list in one hash slot). An entry is moved atomically to its
/// shard's in-flight list while it is delivered (RPOPLPUSH), so a process that dies mid-delivery
/// leaves it there to be recovered.
/// </summary>
public sealed class OutboxStore(IConnectionMultiplexer redis, BotKeys keys, TimeProvider clock)
{
    // Where the next take starts, so every shard gets its turn however busy the others are.
    private int _nextShard;

    // KEYS: 1 in-flight list, 2 queue; ARGV: 1 entry. Moves the entry only if it is still in flight,
    // so a repeat (a retried requeue, a sweep racing its worker) never queues it twice.
    private const string ReturnScript = """
        if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then return 0 end
        redis.call('LPUSH', KEYS[2], ARGV[1])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// The next entry of the first non-empty shard among <paramref name="shards"/> (one bit each;
    /// <see cref="AllShards"/> for every one), starting after the shard last taken from; null when those are empty.
    /// </summary>
    public async Task<OutboxItem?> TakeAsync(int shards)
    {
        var start = Interlocked.Increment(ref _nextShard);
        for (var i = 0; i < BotKeys.OutboxShards; i++)
        {
            var shard = (int)((uint)(start + i) % BotKeys.OutboxShards);
            if ((shards & (1 << shard)) == 0)
            {
                continue;
            }
            var entry = await Db.ListRightPopLeftPushAsync(keys.Outbox(shard), keys.OutboxInFlight(shard));
            if (!entry.IsNull)
            {
                return new OutboxItem(shard, entry!);
            }
        }
        return null;
    }

    public const int AllShards = (1 << BotKeys.OutboxShards) - 1;

    public Task DoneAsync(OutboxItem item) => Db.ListRemoveAsync(keys.OutboxInFlight(item.Shard), item.Entry, 1);

    /// <summary>Back to the end of its shard's queue, to be tried again after the others; false when it was no longer in flight.</summary>
    public async Task<bool> RequeueAsync(OutboxItem item) =>
        (long)await Db.ScriptEvaluateAsync(ReturnScript, [keys.OutboxInFlight(item.Shard), keys.Outbox(item.Shard)], [item.Entry]) == 1;

    /// <summary>Every entry in flight now, in every shard.</summary>
    public async Task<IReadOnlyList<OutboxItem>> InFlightAsync()
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, BotKeys.OutboxShards).Select(async shard =>
            (await Db.ListRangeAsync(keys.OutboxInFlight(shard))).Select(entry => new OutboxItem(shard, entry!))));
        return [.. shards.SelectMany(items => items)];
    }

    public async Task DeadLetterAsync(OutboxItem item, int status, string reason)
    {
        var letter = JsonSerializer.Serialize(new DeadLetter(item.Entry, status, reason, clock.GetUtcNow()), StateJsonContext.Default.DeadLetter);
        var transaction = Db.CreateTransaction();
        _ = transaction.ListRemoveAsync(keys.OutboxInFlight(item.Shard), item.Entry, 1);
        _ = transaction.ListLeftPushAsync(keys.OutboxDead(item.Shard), letter);
        await transaction.ExecuteAsync();
    }

    /// <summary>At start: whatever was in flight when a process died goes back to the queue (the core's idempotency makes a repeat harmless).</summary>
    public async Task<int> RecoverAsync()
    {
        var moved = 0;
        for (var shard = 0; shard < BotKeys.OutboxShards; shard++)
        {
            while (!(await Db.ListRightPopLeftPushAsync(keys.OutboxInFlight(shard), keys.Outbox(shard))).IsNull)
            {
                moved++;
            }
        }
        return moved;
    }

    /// <summary>The shards' lengths summed, and the age of the oldest entry at the head of any shard.</summary>
    public async Task<OutboxStatus> StatusAsync()
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, BotKeys.OutboxShards).Select(ShardStatusAsync));
        var now = clock.GetUtcNow();
        var oldest = shards.Select(s => s.Oldest).OfType<string>()
            .Select(entry => (now - JsonSerializer.Deserialize(entry, StateJsonContext.Default.OutboxEntry)!.EnqueuedAt).TotalSeconds)
            .DefaultIfEmpty(0).Max();
        return new OutboxStatus(shards.Sum(s => s.Queued), shards.Sum(s => s.InFlight), shards.Sum(s => s.Dead), Math.Round(Math.Max(0, oldest), 1));
    }

    private async Task<(long Queued, long InFlight, long Dead, string? Oldest)> ShardStatusAsync(int shard)
    {
        var queued = Db.ListLengthAsync(keys.Outbox(shard));
        var inFlight = Db.ListLengthAsync(keys.OutboxInFlight(shard));
        var dead = Db.ListLengthAsync(keys.OutboxDead(shard));
        var oldest = Db.ListGetByIndexAsync(keys.Outbox(shard), -1);
        return (await queued, await inFlight, await dead, (string?)await oldest);
    }
}

/// <summary>An entry taken from the outbox, with the shard it must be settled in.</summary>
public sealed record OutboxItem(int Shard, string Entry);

public sealed record OutboxStatus(long Queued, long InFlight, long DeadLetters, double OldestAgeSeconds);
