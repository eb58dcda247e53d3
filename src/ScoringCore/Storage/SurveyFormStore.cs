using System.Text.Json;
using Scoring.Rules;
using ScoringCore.Contracts;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// The forms of one commune and year as an appraiser audits them, and the decision on a held
/// form: one script moves its points from the held group to the counted (or excluded) group, only
/// if it is still held and the year's result is not recognised, so two appraisers deciding at
/// once cannot move it twice; the decision joins the year's audit trail in the same script.
/// </summary>
public sealed class SurveyFormStore(IConnectionMultiplexer redis, RedisKeys keys, ScoringRules rules)
{
    // Numbers are formatted with %d before they go back to Redis: it would write -1000 as "-1e3".
    // KEYS: 1 forms index, 2 aggregate, 3 decisions, 4 history. ARGV: 1 response id, 2 entry expected, 3 new entry,
    //       4 from group, 5 to group, 6 decision JSON, 7 form score, 8 the aggregate's recognition field,
    //       9 history entry JSON, 10.. per-question points (hundredths).
    private const string DecideScript = """
        if redis.call('HEXISTS', KEYS[2], ARGV[8]) == 1 then return 2 end
        if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
        redis.call('HSET', KEYS[3], ARGV[1], ARGV[6])
        redis.call('RPUSH', KEYS[4], ARGV[9])
        for _, move in ipairs({{ARGV[4], -1}, {ARGV[5], 1}}) do
          local group, sign = move[1], move[2]
          redis.call('HINCRBY', KEYS[2], group .. ':n', string.format('%d', sign))
          redis.call('HINCRBY', KEYS[2], group .. ':sum', string.format('%d', sign * tonumber(ARGV[7])))
          for i = 10, #ARGV do
            redis.call('HINCRBY', KEYS[2], group .. ':q' .. (i - 9), string.format('%d', sign * tonumber(ARGV[i])))
          end
        end
        return 1
        """;

    public async Task<List<SurveyFormView>> ListAsync(string communeId, int year, string? standing)
    {
        var db = redis.GetDatabase();
        var indexRead = db.HashGetAllAsync(keys.Forms(communeId, year));
        var decisionsRead = db.HashGetAllAsync(keys.FormDecisions(communeId, year));
        var softwareCasesRead = db.SetMembersAsync(keys.SoftwareCases(communeId, year));
        var index = (await indexRead).Select(e => (Id: (string)e.Name!, Entry: FormStandings.Parse(e.Value!)))
            .Where(e => standing is null || e.Entry.Standing == standing)
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var decisions = (await decisionsRead).ToDictionary(e => (string)e.Name!, e => JsonSerializer.Deserialize((string)e.Value!, ScoringCoreJsonContext.Default.HeldFormDecision));
        if (index.Count == 0)
        {
            return [];
        }
        var softwareCases = (await softwareCasesRead).Select(m => (string)m!).ToHashSet(StringComparer.Ordinal);
        var records = await db.StringGetAsync([.. index.Select(e => (RedisKey)keys.Response(communeId, year, e.Id))]);
        var views = new List<SurveyFormView>(index.Count);
        for (var i = 0; i < index.Count; i++)
        {
            if (records[i].IsNull)
            {
                continue;
            }
            var record = JsonSerializer.Deserialize((string)records[i]!, ScoringCoreJsonContext.Default.SurveyResponseRecord)!;
            views.Add(View(record, index[i].Entry.Standing, index[i].Entry.Reasons, decisions.GetValueOrDefault(index[i].Id),
                record.Reference is { } reference && softwareCases.Contains(reference)));
        }
        return views;
    }

    public async Task<SurveyFormView?> FindAsync(string communeId, int year, string responseId)
    {
        var db = redis.GetDatabase();
        var entryRead = db.HashGetAsync(keys.Forms(communeId, year), responseId);
        var recordRead = db.StringGetAsync(keys.Response(communeId, year, responseId));
        var decisionRead = db.HashGetAsync(keys.FormDecisions(communeId, year), responseId);
        var (entry, record, decision) = (await entryRead, await recordRead, await decisionRead);
        if (entry.IsNull || record.IsNull)
        {
            return null;
        }
        var (standing, reasons) = FormStandings.Parse(entry!);
        var stored = JsonSerializer.Deserialize((string)record!, ScoringCoreJsonContext.Default.SurveyResponseRecord)!;
        return View(
            stored,
            standing,
            reasons,
            decision.IsNull ? null : JsonSerializer.Deserialize((string)decision!, ScoringCoreJsonContext.Default.HeldFormDecision),
            stored is { IssuedBy: InvitationIssuers.Desk, Reference: { } reference } && await db.SetContainsAsync(keys.SoftwareCases(communeId, year), reference));
    }

    /// <summary>Counts or excludes a held form: NotHeld when it was decided meanwhile, YearClosed when the result is recognised.</summary>
    public async Task<HeldFormOutcome> DecideAsync(string communeId, int year, SurveyFormView form, bool count, HeldFormDecision decision, DateTimeOffset now)
    {
        var scored = rules.Surveys.Score(form.Form, form.Answers, out _)
            ?? throw new InvalidOperationException("A stored form no longer scores against its form definition.");
        var to = count ? FormStandings.Counted : FormStandings.Excluded;
        var reasons = string.Join(',', form.Reasons);
        RedisValue[] values =
        [
            form.ResponseId,
            $"{FormStandings.Held}|{reasons}",
            $"{to}|{reasons}",
            FormStandings.Group(form.Form, FormStandings.Held),
            FormStandings.Group(form.Form, to),
            JsonSerializer.Serialize(decision, ScoringCoreJsonContext.Default.HeldFormDecision),
            CentiPoints.From(scored.Score),
            AggregateFields.Recognition,
            ResultHistoryStore.Serialize(new ResultChange(now, count ? ResultChanges.FormCounted : ResultChanges.FormExcluded, decision.DecidedBy,
                $"{form.Form} {form.ResponseId}", decision.Reason)),
            .. scored.QuestionPoints.Select(p => (RedisValue)CentiPoints.From(p)),
        ];
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            DecideScript, [keys.Forms(communeId, year), keys.Aggregate(communeId, year), keys.FormDecisions(communeId, year), keys.History(communeId, year)], values);
        return (HeldFormOutcome)result;
    }

    /// <param name="softwareCase">
    /// The one-stop software has asked for the form's case: a desk-made form is shown as the software's. Its record
    /// keeps what it came with, so that the bot's retry of the same form still matches it.
    /// </param>
    private static SurveyFormView View(SurveyResponseRecord record, string standing, IReadOnlyList<string> reasons, HeldFormDecision? decision, bool softwareCase) =>
        new(record.ResponseId, record.Form, record.Source ?? FormSources.Api, record.Reference, record.SubmittedAt, record.VisitedAt,
            record.Answers, record.Score, standing, reasons, decision, softwareCase && record.IssuedBy == InvitationIssuers.Desk ? InvitationIssuers.Software : record.IssuedBy);
}

public enum HeldFormOutcome
{
    NotHeld = 0,
    Decided = 1,
    YearClosed = 2,
}
