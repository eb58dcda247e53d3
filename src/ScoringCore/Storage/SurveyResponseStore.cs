using System.Globalization;
using System.Text.Json;
using Scoring.Rules;
using ScoringCore.Contracts;
using ScoringCore.Validation;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// Stores survey responses exactly once. One Lua script checks the commune, checks and writes
/// the idempotency record, and adds the response to its commune's aggregate, all atomically, so
/// concurrent retries of one responseId can never count twice, and a scorecard never needs to
/// read individual responses.
/// </summary>
public sealed class SurveyResponseStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    // KEYS: 1 response record, 2 commune aggregate, 3 commune set.
    // ARGV: 1 canonical JSON, 2 commune id, 3 field group, 4 form score, 5.. per-question points.
    // Points in hundredths, so HINCRBY keeps sums exact.
    private const string IngestScript = """
        if redis.call('SISMEMBER', KEYS[3], ARGV[2]) == 0 then return -1 end
        local existing = redis.call('GET', KEYS[1])
        if existing then
          if existing == ARGV[1] then return 1 end
          return 2
        end
        redis.call('SET', KEYS[1], ARGV[1])
        local group = ARGV[3]
        redis.call('HINCRBY', KEYS[2], group .. ':n', 1)
        redis.call('HINCRBY', KEYS[2], group .. ':sum', ARGV[4])
        for i = 5, #ARGV do
          redis.call('HINCRBY', KEYS[2], group .. ':q' .. (i - 4), ARGV[i])
        end
        return 0
        """;

    public async Task<IngestOutcome> IngestAsync(ValidSurveyResponse response)
    {
        var record = response.Record;
        var canonical = JsonSerializer.Serialize(record, ScoringCoreJsonContext.Default.SurveyResponseRecord);
        var values = new RedisValue[4 + response.Scored.QuestionPoints.Count];
        values[0] = canonical;
        values[1] = record.CommuneId;
        values[2] = AggregateFields.SurveyGroup(record.Form, response.Counted);
        values[3] = CentiPoints.From(response.Scored.Score);
        for (var i = 0; i < response.Scored.QuestionPoints.Count; i++)
        {
            values[4 + i] = CentiPoints.From(response.Scored.QuestionPoints[i]);
        }
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            IngestScript,
            [keys.Response(record.ResponseId), keys.Aggregate(record.CommuneId, record.Year), keys.Communes],
            values);
        return new IngestOutcome(
            result switch
            {
                0 => IngestResult.Created,
                1 => IngestResult.Repeated,
                2 => IngestResult.Conflict,
                -1 => IngestResult.UnknownCommune,
                _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unexpected ingest script result {result}.")),
            },
            canonical);
    }
}

public enum IngestResult
{
    Created,
    Repeated,
    Conflict,
    UnknownCommune,
}

public sealed record IngestOutcome(IngestResult Result, string CanonicalJson);
