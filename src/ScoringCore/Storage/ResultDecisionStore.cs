using System.Text.Json;
using Scoring.Rules;
using ScoringCore.Contracts;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// Recognition and revocation, kept in the commune-year's aggregate hash so every write that could
/// change the result (the ingest script, the held-form script, the assessment transactions) can
/// refuse a closed year atomically, and a rollup reads them with the totals it already reads.
/// </summary>
public sealed class ResultDecisionStore(IConnectionMultiplexer redis, RedisKeys keys, ResultHistoryStore history, ScoringRules rules)
{
    /// <summary>The aggregate fields a scorecard's level is computed from; a recognition holds only if none moved since it was read.</summary>
    private readonly string[] _levelInputs =
    [
        AggregateFields.BFinal,
        AggregateFields.BAppraised,
        AggregateFields.DisqualificationKind,
        .. new[] { rules.CitizenForm, rules.CadreForm }.SelectMany(form =>
        {
            var group = AggregateFields.SurveyGroup(form, counted: true);
            return new[] { AggregateFields.Count(group), AggregateFields.Sum(group) };
        }),
    ];

    /// <summary>Records the recognition unless the year is already decided or its result moved since <paramref name="read"/>.</summary>
    public async Task<bool> TryRecogniseAsync(string communeId, int year, CommuneAggregate read, Recognition recognition, ResultChange change)
    {
        var aggregate = keys.Aggregate(communeId, year);
        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.HashNotExists(aggregate, AggregateFields.Recognition));
        foreach (var field in _levelInputs)
        {
            var value = read.Raw(field);
            transaction.AddCondition(value.IsNull ? Condition.HashNotExists(aggregate, field) : Condition.HashEqual(aggregate, field, value));
        }
        Task[] writes =
        [
            transaction.HashSetAsync(aggregate, AggregateFields.Recognition, JsonSerializer.Serialize(recognition, ScoringCoreJsonContext.Default.Recognition)),
            .. history.Stage(transaction, communeId, year, change),
        ];
        return await transaction.CommitAsync(writes);
    }

    /// <summary>Records the revocation of the recognition as read; false when it was revoked (or changed) meanwhile.</summary>
    public async Task<bool> TryRevokeAsync(string communeId, int year, CommuneAggregate read, Revocation revocation, ResultChange change)
    {
        var aggregate = keys.Aggregate(communeId, year);
        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(aggregate, AggregateFields.Recognition, read.Raw(AggregateFields.Recognition)));
        transaction.AddCondition(Condition.HashNotExists(aggregate, AggregateFields.Revocation));
        Task[] writes =
        [
            transaction.HashSetAsync(aggregate, AggregateFields.Revocation, JsonSerializer.Serialize(revocation, ScoringCoreJsonContext.Default.Revocation)),
            .. history.Stage(transaction, communeId, year, change),
        ];
        return await transaction.CommitAsync(writes);
    }
}
