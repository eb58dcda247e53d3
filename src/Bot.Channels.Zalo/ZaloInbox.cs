using Bot.State;
using StackExchange.Redis;

namespace Bot.Channels.Zalo;

/// <summary>
/// Accepted webhook events in Redis: an event is accepted once (Zalo resends the same msg_id
/// after timeouts) and stays pending until processed, so a restart between the 200 and the
/// turn loses nothing.
/// </summary>
public sealed class ZaloInbox(IConnectionMultiplexer redis, BotKeys keys)
{
    private static readonly TimeSpan DedupeWindow = TimeSpan.FromDays(2);

    // One round trip: mark seen (only if new) and keep the raw event as pending.
    private const string AcceptScript = """
        if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then
          redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
          return 1
        end
        return 0
        """;

    /// <summary>True when the event is new and now pending; false for a repeat delivery.</summary>
    public async Task<bool> AcceptAsync(string eventId, string rawEvent)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(AcceptScript,
            [keys.ZaloSeen(eventId), keys.ZaloPending], [eventId, rawEvent, (long)DedupeWindow.TotalSeconds]);
        return (long)result == 1;
    }

    public Task DoneAsync(string eventId) => redis.GetDatabase().HashDeleteAsync(keys.ZaloPending, eventId);

    public async Task<IReadOnlyList<(string EventId, string RawEvent)>> PendingAsync()
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(keys.ZaloPending);
        return [.. entries.Select(e => ((string)e.Name!, (string)e.Value!))];
    }

    /// <summary>Keeps a reply Zalo refused to deliver for now.</summary>
    public Task KeepAsync(string userId, string reply) =>
        redis.GetDatabase().ListRightPushAsync(keys.ZaloKept(userId), reply);

    /// <summary>Takes the kept replies of a user who has just written again (the window is open).</summary>
    public async Task<IReadOnlyList<string>> TakeKeptAsync(string userId)
    {
        var database = redis.GetDatabase();
        var transaction = database.CreateTransaction();
        var kept = transaction.ListRangeAsync(keys.ZaloKept(userId));
        _ = transaction.KeyDeleteAsync(keys.ZaloKept(userId));
        await transaction.ExecuteAsync();
        return [.. (await kept).Select(v => (string)v!)];
    }
}
