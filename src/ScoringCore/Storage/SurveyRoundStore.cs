using System.Collections.Concurrent;
using System.Text.Json;
using Scoring.Rules;
using ScoringCore.Contracts;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// Survey rounds by commune and year, as the appraiser set them (JSON), else the scheme's
/// default. Every citizen form is judged against its commune's round, so rounds are kept in
/// memory for a few seconds: an appraiser's change reaches every instance within that time,
/// and ingest stays one Redis call per form.
/// </summary>
public sealed class SurveyRoundStore(IConnectionMultiplexer redis, RedisKeys keys, ScoringRules rules, TimeProvider clock)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string, int), (SurveyRound Round, DateTimeOffset Until)> _recent = new();

    public async Task<SurveyRound> GetAsync(string communeId, int year)
    {
        var now = clock.GetUtcNow();
        if (_recent.TryGetValue((communeId, year), out var known) && known.Until > now)
        {
            return known.Round;
        }
        var stored = await redis.GetDatabase().StringGetAsync(keys.Round(communeId, year));
        var round = stored.IsNull ? rules.Counting.DefaultRound(year) : JsonSerializer.Deserialize((string)stored!, ScoringCoreJsonContext.Default.SurveyRound)!;
        _recent[(communeId, year)] = (round, now + Remembered);
        return round;
    }

    /// <summary>Rounds of many communes in one round trip (the progress report).</summary>
    public async Task<IReadOnlyList<SurveyRound>> GetManyAsync(IReadOnlyList<string> communeIds, int year)
    {
        if (communeIds.Count == 0)
        {
            return [];
        }
        // One GET per commune (pipelined), not one MGET: each commune's keys are in their own slot of a cluster.
        var db = redis.GetDatabase();
        var stored = await Task.WhenAll(communeIds.Select(id => db.StringGetAsync(keys.Round(id, year))));
        return stored.Select(s => s.IsNull ? rules.Counting.DefaultRound(year) : JsonSerializer.Deserialize((string)s!, ScoringCoreJsonContext.Default.SurveyRound)!).ToList();
    }

    public async Task SaveAsync(string communeId, int year, SurveyRound round)
    {
        await redis.GetDatabase().StringSetAsync(keys.Round(communeId, year), JsonSerializer.Serialize(round, ScoringCoreJsonContext.Default.SurveyRound));
        _recent[(communeId, year)] = (round, clock.GetUtcNow() + Remembered);
    }

    public static SurveyRoundView View(string communeId, int year, SurveyRound round) => new(
        communeId, year, round.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), round.ClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        round.CitizenTarget, round.Set, round.ChangedBy, round.ChangedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
