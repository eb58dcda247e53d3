using System.Text.Json;
using Scoring.Rules;
using ScoringCore.Contracts;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// Self-assessments, appraisals and disqualifications. B's totals are copied into the commune's
/// aggregate hash in the same transaction as the document, conditional on both documents being
/// as read, so a summary can rank thousands of communes without reading their items.
/// </summary>
public sealed class AssessmentStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<AssessmentDocuments> LoadAsync(string communeId, int year)
    {
        var raw = await Db.StringGetAsync([keys.SelfAssessment(communeId, year), keys.Appraisal(communeId, year)]);
        return new AssessmentDocuments(
            raw[0],
            raw[0].IsNull ? null : JsonSerializer.Deserialize((string)raw[0]!, ScoringCoreJsonContext.Default.SelfAssessmentRecord),
            raw[1],
            raw[1].IsNull ? null : JsonSerializer.Deserialize((string)raw[1]!, ScoringCoreJsonContext.Default.AppraisalRecord));
    }

    /// <summary>Writes the self-assessment unless either document changed since <paramref name="read"/>; false means re-read and retry.</summary>
    public Task<bool> TrySaveSelfAsync(string communeId, int year, AssessmentDocuments read, SelfAssessmentRecord self, PartBScore b) =>
        TrySaveAsync(communeId, year, read, keys.SelfAssessment(communeId, year), JsonSerializer.Serialize(self, ScoringCoreJsonContext.Default.SelfAssessmentRecord), b, self.Final);

    /// <summary>Writes the appraisal unless either document changed since <paramref name="read"/>; false means re-read and retry.</summary>
    public Task<bool> TrySaveAppraisalAsync(string communeId, int year, AssessmentDocuments read, AppraisalRecord appraisal, PartBScore b) =>
        TrySaveAsync(communeId, year, read, keys.Appraisal(communeId, year), JsonSerializer.Serialize(appraisal, ScoringCoreJsonContext.Default.AppraisalRecord), b, submitted: true);

    public async Task SetDisqualificationAsync(string communeId, int year, Disqualification disqualification)
    {
        var aggregate = keys.Aggregate(communeId, year);
        var transaction = Db.CreateTransaction();
        var writes = new[]
        {
            transaction.HashSetAsync(aggregate,
            [
                new HashEntry(AggregateFields.DisqualificationKind, disqualification.Kind),
                new HashEntry(AggregateFields.DisqualificationNote, disqualification.Note),
            ]),
            transaction.HashDeleteAsync(aggregate, AggregateFields.DisqualificationLifted),
        };
        await transaction.ExecuteAsync();
        await Task.WhenAll(writes);
    }

    /// <summary>Lifts a disqualification, keeping why; false when there was none.</summary>
    public async Task<bool> ClearDisqualificationAsync(string communeId, int year, string? liftNote)
    {
        var aggregate = keys.Aggregate(communeId, year);
        if (await Db.HashDeleteAsync(aggregate, [AggregateFields.DisqualificationKind, AggregateFields.DisqualificationNote]) == 0)
        {
            return false;
        }
        if (liftNote is not null)
        {
            await Db.HashSetAsync(aggregate, AggregateFields.DisqualificationLifted, liftNote);
        }
        return true;
    }

    private async Task<bool> TrySaveAsync(string communeId, int year, AssessmentDocuments read, string documentKey, string json, PartBScore b, bool submitted)
    {
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Unchanged(keys.SelfAssessment(communeId, year), read.SelfRaw));
        transaction.AddCondition(Unchanged(keys.Appraisal(communeId, year), read.AppraisalRaw));
        var aggregate = keys.Aggregate(communeId, year);
        var writes = new List<Task>
        {
            transaction.StringSetAsync(documentKey, json),
            transaction.HashSetAsync(aggregate,
            [
                new HashEntry(AggregateFields.BSelf, CentiPoints.From(b.Self)),
                new HashEntry(AggregateFields.BFinal, CentiPoints.From(b.Final)),
                new HashEntry(AggregateFields.SelfSubmitted, submitted ? 1 : 0),
            ]),
            b.Appraised is { } appraised
                ? transaction.HashSetAsync(aggregate, AggregateFields.BAppraised, CentiPoints.From(appraised))
                : transaction.HashDeleteAsync(aggregate, AggregateFields.BAppraised),
        };
        var committed = await transaction.ExecuteAsync();
        if (committed)
        {
            await Task.WhenAll(writes);
        }
        return committed;
    }

    private static Condition Unchanged(RedisKey key, RedisValue read) =>
        read.IsNull ? Condition.KeyNotExists(key) : Condition.StringEqual(key, read);
}
