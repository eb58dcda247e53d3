using System.Globalization;
using System.Text.Json;
using Bot.Activities;
using Bot.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Channels.DirectLine;

/// <summary>
/// Direct Line conversations in Redis, so any instance can serve any request: who the user is,
/// and the transcript that polls and reconnects read from a watermark. Appending stamps each
/// activity's id and timestamp and publishes it, in one script, so ids, order and timestamps
/// agree across instances and a socket held by another instance hears every activity.
/// </summary>
public sealed class DirectLineStore(IConnectionMultiplexer redis, BotKeys keys, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    // KEYS: 1 meta, 2 transcript. ARGV: 1 conversation id, 2 ttl seconds, 3 first timestamp (Unix ms),
    // 4 feed channel, then for each activity: its ISO timestamp and its JSON without id or timestamp.
    // Returns {first seq, last seq}; {0, last timestamp} when the timestamp would not be later than
    // the last one (the caller stamps again after it); {-1, 0} when the conversation is gone.
    private const string AppendScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, 0} end
        local last = tonumber(redis.call('HGET', KEYS[1], 'ts') or '0')
        if tonumber(ARGV[3]) <= last then return {0, last} end
        local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
        local first = seq + 1
        local count = (#ARGV - 4) / 2
        for i = 0, count - 1 do
          seq = seq + 1
          local json = ARGV[6 + 2 * i]
          local full = '{"id":"' .. ARGV[1] .. '|' .. string.format('%07d', seq) .. '","timestamp":"' .. ARGV[5 + 2 * i] .. '",' .. string.sub(json, 2)
          redis.call('RPUSH', KEYS[2], full)
          redis.call('PUBLISH', ARGV[4], seq .. ' ' .. full)
        end
        redis.call('HSET', KEYS[1], 'seq', seq, 'ts', tonumber(ARGV[3]) + count - 1)
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        redis.call('EXPIRE', KEYS[2], ARGV[2])
        return {first, seq}
        """;

    // KEYS: 1 meta, 2 transcript. ARGV: 1 watermark. Returns {exists, total, activities...}.
    private const string ReadScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {0, 0} end
        local total = redis.call('LLEN', KEYS[2])
        local from = math.min(tonumber(ARGV[1]), total)
        local result = {1, total}
        for _, item in ipairs(redis.call('LRANGE', KEYS[2], from, -1)) do result[#result + 1] = item end
        return result
        """;

    private const int MaxStampAttempts = 5;

    private IDatabase Db => redis.GetDatabase();

    public async Task CreateAsync(string conversationId, string userId)
    {
        var meta = keys.DirectLineConversation(conversationId);
        var batch = Db.CreateTransaction();
        _ = batch.HashSetAsync(meta, [new("user", userId), new("seq", 0), new("ts", 0)]);
        _ = batch.KeyExpireAsync(meta, options.Value.TranscriptRetention);
        await batch.ExecuteAsync();
    }

    /// <summary>The conversation's user; null when the conversation does not exist (or expired).</summary>
    public async Task<ConversationInfo?> FindAsync(string conversationId)
    {
        var user = await Db.HashGetAsync(keys.DirectLineConversation(conversationId), "user");
        return user.IsNull ? null : new ConversationInfo(conversationId, user!);
    }

    /// <summary>
    /// Appends activities in order, stamping each with "{conversation}|{seq}" and a timestamp at
    /// least a millisecond after the one before (Web Chat orders by timestamp). Returns the ids,
    /// or null when the conversation is gone.
    /// </summary>
    public async Task<IReadOnlyList<StampedActivity>?> AppendAsync(string conversationId, IReadOnlyList<Activity> activities)
    {
        var stamp = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var bodies = activities.Select(a => JsonSerializer.Serialize(a, BotJsonContext.Wire.Activity)).ToArray();
        for (var attempt = 0; attempt < MaxStampAttempts; attempt++)
        {
            var values = new RedisValue[4 + 2 * activities.Count];
            values[0] = conversationId;
            values[1] = (long)options.Value.TranscriptRetention.TotalSeconds;
            values[2] = stamp;
            values[3] = keys.DirectLineFeed(conversationId);
            for (var i = 0; i < activities.Count; i++)
            {
                values[4 + 2 * i] = FormatTimestamp(stamp + i);
                values[5 + 2 * i] = bodies[i];
            }
            var result = (RedisResult[])(await Db.ScriptEvaluateAsync(AppendScript, [keys.DirectLineConversation(conversationId), keys.DirectLineTranscript(conversationId)], values))!;
            var first = (long)result[0];
            if (first == -1)
            {
                return null;
            }
            if (first > 0)
            {
                return activities.Select((a, i) => new StampedActivity(ActivityId(conversationId, first + i), DateTimeOffset.FromUnixTimeMilliseconds(stamp + i))).ToList();
            }
            // Another writer stamped a later time (clocks of two instances differ): go just after it.
            stamp = (long)result[1] + 1;
        }
        throw new InvalidOperationException("Could not stamp the activities after several attempts.");
    }

    /// <summary>Activities after the watermark, and the new watermark; null when the conversation does not exist.</summary>
    public async Task<ActivityPage?> ReadAsync(string conversationId, long watermark)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(ReadScript, [keys.DirectLineConversation(conversationId), keys.DirectLineTranscript(conversationId)], [watermark]))!;
        if ((long)result[0] == 0)
        {
            return null;
        }
        var total = (long)result[1];
        var activities = result.Skip(2).Select(r => (string)r!).ToList();
        return new ActivityPage(activities, total);
    }

    public static string ActivityId(string conversationId, long seq) => $"{conversationId}|{seq.ToString("D7", CultureInfo.InvariantCulture)}";

    private static string FormatTimestamp(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

public sealed record ConversationInfo(string Id, string UserId);

/// <summary>The id and timestamp an appended activity was given.</summary>
public sealed record StampedActivity(string Id, DateTimeOffset Timestamp);

/// <summary>Activities as stored JSON, and the watermark after the last of them.</summary>
public sealed record ActivityPage(IReadOnlyList<string> Activities, long Watermark);
