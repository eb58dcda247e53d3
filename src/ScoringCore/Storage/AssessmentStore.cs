using System.Text.Json;
using Scoring.Rules;
using ScoringCore.Contracts;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// Self-assessments, appraisals and disqualifications. B's totals are copied into the commune's
/// aggregate hash in the same transaction as the document, conditional on both documents being
/// as read and on the year not being recognised, so a summary can rank thousands of communes
/// without reading their items and a recognised result can never move. Each change is added to
/// the year's audit trail in the same transaction.
/// </summary>
public sealed class AssessmentStore(IConnectionMultiplexer redis, RedisKeys keys, ResultHistoryStore history)
{
    private IDatabase Db => redis.GetDatabase();

    public Task<AssessmentDocuments> LoadAsync(string communeId, int year) => ReadAsync(communeId, year, withClosed: false);

    /// <summary>The documents and, in the same round trip, whether the year is closed: what a save decides on.</summary>
    public Task<AssessmentDocuments> LoadForWriteAsync(string communeId, int year) => ReadAsync(communeId, year, withClosed: true);

    private async Task<AssessmentDocuments> ReadAsync(string communeId, int year, bool withClosed)
    {
        var db = Db;
        var documentsRead = db.StringGetAsync([keys.SelfAssessment(communeId, year), keys.Appraisal(communeId, year)]);
        var closedRead = withClosed ? db.HashExistsAsync(keys.Aggregate(communeId, year), AggregateFields.Recognition) : Task.FromResult(false);
        var raw = await documentsRead;
        return new AssessmentDocuments(
            raw[0],
            raw[0].IsNull ? null : JsonSerializer.Deserialize((string)raw[0]!, ScoringCoreJsonContext.Default.SelfAssessmentRecord),
            raw[1],
            raw[1].IsNull ? null : JsonSerializer.Deserialize((string)raw[1]!, ScoringCoreJsonContext.Default.AppraisalRecord),
            await closedRead);
    }

    /// <summary>Whether the year's result is recognised (or revoked): closed to every change.</summary>
    public Task<bool> IsClosedAsync(string communeId, int year) => Db.HashExistsAsync(keys.Aggregate(communeId, year), AggregateFields.Recognition);

    /// <summary>Writes the self-assessment unless either document changed since <paramref name="read"/>; false means re-read and retry.</summary>
    public Task<bool> TrySaveSelfAsync(string communeId, int year, AssessmentDocuments read, SelfAssessmentRecord self, PartBScore b, ResultChange change) =>
        TrySaveAsync(communeId, year, read, keys.SelfAssessment(communeId, year), JsonSerializer.Serialize(self, ScoringCoreJsonContext.Default.SelfAssessmentRecord), b, self.Final, change);

    /// <summary>Writes the appraisal unless either document changed since <paramref name="read"/>; false means re-read and retry.</summary>
    public Task<bool> TrySaveAppraisalAsync(string communeId, int year, AssessmentDocuments read, AppraisalRecord appraisal, PartBScore b, ResultChange change) =>
        TrySaveAsync(communeId, year, read, keys.Appraisal(communeId, year), JsonSerializer.Serialize(appraisal, ScoringCoreJsonContext.Default.AppraisalRecord), b, submitted: true, change);

    /// <summary>Records a disqualification; false when the year is closed.</summary>
    public async Task<bool> SetDisqualificationAsync(string communeId, int year, Disqualification disqualification, ResultChange change)
    {
        var aggregate = keys.Aggregate(communeId, year);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.HashNotExists(aggregate, AggregateFields.Recognition));
        Task[] writes =
        [
            transaction.HashSetAsync(aggregate,
            [
                new HashEntry(AggregateFields.DisqualificationKind, disqualification.Kind),
                new HashEntry(AggregateFields.DisqualificationNote, disqualification.Note),
            ]),
            transaction.HashDeleteAsync(aggregate, AggregateFields.DisqualificationLifted),
            .. history.Stage(transaction, communeId, year, change),
        ];
        return await transaction.CommitAsync(writes);
    }

    /// <summary>Lifts a disqualification, keeping why; false when there was none or the year is closed (the caller tells which).</summary>
    public async Task<bool> ClearDisqualificationAsync(string communeId, int year, string? liftNote, ResultChange change)
    {
        var aggregate = keys.Aggregate(communeId, year);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.HashNotExists(aggregate, AggregateFields.Recognition));
        transaction.AddCondition(Condition.HashExists(aggregate, AggregateFields.DisqualificationKind));
        Task[] writes =
        [
            transaction.HashDeleteAsync(aggregate, [AggregateFields.DisqualificationKind, AggregateFields.DisqualificationNote]),
            liftNote is null ? Task.CompletedTask : transaction.HashSetAsync(aggregate, AggregateFields.DisqualificationLifted, liftNote),
            .. history.Stage(transaction, communeId, year, change),
        ];
        return await transaction.CommitAsync(writes);
    }

    private async Task<bool> TrySaveAsync(string communeId, int year, AssessmentDocuments read, string documentKey, string json, PartBScore b, bool submitted, ResultChange change)
    {
        var transaction = Db.CreateTransaction();
        var aggregate = keys.Aggregate(communeId, year);
        transaction.AddCondition(Unchanged(keys.SelfAssessment(communeId, year), read.SelfRaw));
        transaction.AddCondition(Unchanged(keys.Appraisal(communeId, year), read.AppraisalRaw));
        transaction.AddCondition(Condition.HashNotExists(aggregate, AggregateFields.Recognition));
        Task[] writes =
        [
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
            .. history.Stage(transaction, communeId, year, change),
        ];
        return await transaction.CommitAsync(writes);
    }


    private static Condition Unchanged(RedisKey key, RedisValue read) =>
        read.IsNull ? Condition.KeyNotExists(key) : Condition.StringEqual(key, read);
}
