using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Scoring.Rules;
using ScoringCore.Contracts;
using ScoringCore.Hosting;
using ScoringCore.Validation;
using ServiceDefaults;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// Stores survey responses exactly once. The commune is checked against the unit tree first (reference data, in
/// its own slot); then one Lua script checks and writes
/// the idempotency record, claims the form's reference (a case, a cadre, a sheet: once ever),
/// settles an open form's standing (one counted form per device; bursts and identical runs from
/// one address held) and a case's (a device that answered for another case is held), and adds
/// the response to its commune's aggregate under its standing (and a desk-made case's among the desk's, unless the
/// one-stop software has asked for the case: <see cref="SoftwareCaseStore"/>), all atomically, so concurrent retries can never count twice and a scorecard never reads forms.
/// A comment sent with the form is kept beside it, in the same script, for the retention period (docs/decisions/024).
/// A year whose result was recognised takes no new form (a retry of a stored one still gets its answer).
/// The bot forgets a form once the core accepts it, so the acceptance waits for the configured
/// replicas (<see cref="ReplicatedWrites"/>).
/// </summary>
public sealed class SurveyResponseStore(IConnectionMultiplexer redis, ReplicatedWrites replicated, RedisKeys keys, ScoringRules rules, IOptions<ScoringCoreOptions> options)
{
    // KEYS (one commune-year's slot): 1 record, 2 aggregate, 3 forms index, 4 reference, 5 device (its open form, or its case form),
    //       6 address forms, 7 address last answers, 8 the cases the one-stop software asked for after the desk, 9 comments.
    // ARGV: 1 canonical JSON, 2 commune id, 3 response id, 4 form id, 5 standing, 6 reasons, 7 has reference,
    //       8 has device, 9 has address, 10 submitted (unix s), 11 burst window (s), 12 burst forms, 13 answers,
    //       14 device ttl (s), 15 form score, 16 the aggregate's recognition field, 17 the desk-made count's field ('' if not
    //       from a desk's invitation), 18 the reference ('' if none), 19 the comment's JSON ('' if none), 20 comment
    //       retention (s), 21.. per-question points.
    //       Points in hundredths, so HINCRBY keeps sums exact.
    private const string IngestScript = """
        local existing = redis.call('GET', KEYS[1])
        if existing then
          if existing == ARGV[1] then return {1, redis.call('HGET', KEYS[3], ARGV[3]) or ''} end
          return {2, ''}
        end
        if redis.call('HEXISTS', KEYS[2], ARGV[16]) == 1 then return {4, ''} end
        if ARGV[7] == '1' then
          local owner = redis.call('GET', KEYS[4])
          if owner then return {3, owner} end
          redis.call('SET', KEYS[4], ARGV[3])
        end
        local standing = ARGV[5]
        local reasons = ARGV[6]
        if standing == 'open' then
          standing = 'counted'
          local function hold(reason)
            if reasons == '' then reasons = reason else reasons = reasons .. ',' .. reason end
          end
          if ARGV[9] == '1' then
            local t = tonumber(ARGV[10])
            local w = tonumber(ARGV[11])
            redis.call('ZADD', KEYS[6], t, ARGV[3])
            redis.call('EXPIRE', KEYS[6], string.format('%d', 2 * w))
            if redis.call('ZCOUNT', KEYS[6], string.format('%d', t - w), string.format('%d', t + w)) >= tonumber(ARGV[12]) then hold('address-burst') end
            if redis.call('GET', KEYS[7]) == ARGV[13] then hold('identical-run') end
            redis.call('SET', KEYS[7], ARGV[13], 'EX', w)
          end
          if ARGV[8] == '1' and not redis.call('SET', KEYS[5], ARGV[3], 'NX', 'EX', ARGV[14]) then
            standing = 'feedback'
            reasons = 'device-repeat'
          elseif reasons ~= '' then
            standing = 'held'
          end
        elseif standing == 'case' then
          standing = 'counted'
          if ARGV[8] == '1' and not redis.call('SET', KEYS[5], ARGV[3], 'NX', 'EX', ARGV[14]) then
            standing = 'held'
            reasons = 'device-cases'
          end
        end
        redis.call('SET', KEYS[1], ARGV[1])
        local group = ARGV[4]
        if standing ~= 'counted' then group = group .. '-' .. standing end
        redis.call('HINCRBY', KEYS[2], group .. ':n', 1)
        redis.call('HINCRBY', KEYS[2], group .. ':sum', ARGV[15])
        for i = 21, #ARGV do
          redis.call('HINCRBY', KEYS[2], group .. ':q' .. (i - 20), ARGV[i])
        end
        if ARGV[19] ~= '' then
          local t = tonumber(ARGV[10])
          redis.call('ZADD', KEYS[9], t, ARGV[19])
          redis.call('ZREMRANGEBYSCORE', KEYS[9], '-inf', string.format('(%d', t - tonumber(ARGV[20])))
          redis.call('EXPIRE', KEYS[9], ARGV[20])
        end
        if ARGV[17] ~= '' and redis.call('SISMEMBER', KEYS[8], ARGV[18]) == 0 then redis.call('HINCRBY', KEYS[2], ARGV[17], 1) end
        local entry = standing .. '|' .. reasons
        redis.call('HSET', KEYS[3], ARGV[3], entry)
        return {0, entry}
        """;

    // A device's one counted form (open, or a case's) is per commune and year: the key outlives the year's appraisal.
    private static readonly TimeSpan DeviceMemory = TimeSpan.FromDays(400);

    public async Task<IngestOutcome> IngestAsync(ValidSurveyResponse response)
    {
        var record = response.Record;
        var canonical = JsonSerializer.Serialize(record, ScoringCoreJsonContext.Default.SurveyResponseRecord);
        var source = record.Source ?? FormSources.Api;
        var submitted = DateTimeOffset.Parse(record.SubmittedAt, CultureInfo.InvariantCulture);
        RedisValue[] values =
        [
            canonical,
            record.CommuneId,
            record.ResponseId,
            record.Form,
            FormStandings.Name(response.Decision.Standing),
            string.Join(',', response.Decision.Reasons),
            record.Reference is null ? "0" : "1",
            response.DeviceHash is null ? "0" : "1",
            response.AddressHash is null ? "0" : "1",
            submitted.ToUnixTimeSeconds(),
            (long)rules.Counting.BurstWindow.TotalSeconds,
            rules.Counting.BurstForms,
            string.Join(',', record.Answers),
            (long)DeviceMemory.TotalSeconds,
            CentiPoints.From(response.Scored.Score),
            AggregateFields.Recognition,
            record.IssuedBy == InvitationIssuers.Desk ? AggregateFields.Count(AggregateFields.FromDeskGroup(record.Form)) : "",
            record.Reference ?? "",
            response.Comment is { } comment ? JsonSerializer.Serialize(comment, ScoringCoreJsonContext.Default.FormComment) : "",
            (long)options.Value.CommentRetention.TotalSeconds,
            .. response.Scored.QuestionPoints.Select(p => (RedisValue)CentiPoints.From(p)),
        ];
        RedisKey[] scriptKeys =
        [
            keys.Response(record.CommuneId, record.Year, record.ResponseId),
            keys.Aggregate(record.CommuneId, record.Year),
            keys.Forms(record.CommuneId, record.Year),
            keys.Reference(record.CommuneId, record.Year, record.Form, source, record.Reference ?? "-"),
            source == FormSources.Invitation
                ? keys.CaseDevice(record.CommuneId, record.Year, response.DeviceHash ?? "-")
                : keys.Device(record.CommuneId, record.Year, response.DeviceHash ?? "-"),
            keys.AddressForms(record.CommuneId, record.Year, response.AddressHash ?? "-"),
            keys.AddressLastAnswers(record.CommuneId, record.Year, response.AddressHash ?? "-"),
            keys.SoftwareCases(record.CommuneId, record.Year),
            keys.Comments(record.CommuneId, record.Year),
        ];
        if (!await redis.GetDatabase().SetContainsAsync(keys.Communes, record.CommuneId))
        {
            return new IngestOutcome(IngestResult.UnknownCommune, canonical, "");
        }
        var result = (RedisResult[])(await replicated.WriteAsync(scriptKeys[0], database => database.ScriptEvaluateAsync(IngestScript, scriptKeys, values)))!;
        var code = (long)result[0];
        return new IngestOutcome(
            code switch
            {
                0 => IngestResult.Created,
                1 => IngestResult.Repeated,
                2 => IngestResult.Conflict,
                3 => IngestResult.ReferenceUsed,
                4 => IngestResult.YearClosed,
                _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unexpected ingest script result {code}.")),
            },
            canonical,
            (string?)result[1] ?? "");
    }
}

public enum IngestResult
{
    Created,
    Repeated,
    Conflict,
    ReferenceUsed,
    UnknownCommune,
    YearClosed,
}

/// <summary>What the ingest did; <see cref="Standing"/> is the stored "standing|reasons" (or, for ReferenceUsed, the owner's id).</summary>
public sealed record IngestOutcome(IngestResult Result, string CanonicalJson, string Standing);
