using System.Text.Json;
using Scoring.Rules;
using ScoringCore.Contracts;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// The audit trail of a commune-year's result. Entries are staged into the same transaction (or
/// script) as the change they describe, so the trail never tells of a change that did not happen.
/// </summary>
public sealed class ResultHistoryStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    // A year's result changes a few dozen times; the cap only stops a runaway client.
    private const int MaxEntries = 1000;

    public static string Serialize(ResultChange change) => JsonSerializer.Serialize(change, ScoringCoreJsonContext.Default.ResultChange);

    /// <summary>Adds <paramref name="change"/> to the trail inside <paramref name="transaction"/>.</summary>
    public Task[] Stage(ITransaction transaction, string communeId, int year, ResultChange change)
    {
        var key = keys.History(communeId, year);
        return
        [
            transaction.ListRightPushAsync(key, Serialize(change)),
            transaction.ListTrimAsync(key, -MaxEntries, -1),
        ];
    }

    public async Task<List<ResultChange>> ReadAsync(string communeId, int year)
    {
        var entries = await redis.GetDatabase().ListRangeAsync(keys.History(communeId, year));
        return [.. entries.Select(e => JsonSerializer.Deserialize((string)e!, ScoringCoreJsonContext.Default.ResultChange)!)];
    }
}
