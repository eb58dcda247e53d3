using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;
using StackExchange.Redis;

namespace ScoringCore.Services;

/// <summary>
/// How the surveys under a unit stand: per commune its round, the citizen and cadre forms by
/// standing, and the citizen forms still missing to the round's target. One aggregate hash and
/// one round per commune, read together.
/// </summary>
public sealed class SurveyProgressQuery(ScoringRules rules, IConnectionMultiplexer redis, RedisKeys keys, UnitStore units, SurveyRoundStore rounds, PlaceChecks places, ApiProblems problems)
{
    public async Task<(List<CommuneSurveyProgress>? Progress, ApiError? Error)> ForUnitAsync(string unitId, int year)
    {
        if (places.CheckYear(year) is { } yearError)
        {
            return (null, yearError);
        }
        var tree = await units.LoadAllAsync();
        if (!Ids.Unit().IsMatch(unitId) || !tree.ContainsKey(unitId))
        {
            return (null, problems.NotFound("unitId", "unit.notFound", ("unitId", unitId)));
        }
        var communes = ScoreQueries.CommunesUnder(unitId, tree).Order(StringComparer.Ordinal).ToList();
        var db = redis.GetDatabase();
        var aggregatesRead = Task.WhenAll(communes.Select(id => db.HashGetAllAsync(keys.Aggregate(id, year))));
        var roundsRead = rounds.GetManyAsync(communes, year);
        var (aggregates, roundList) = (await aggregatesRead, await roundsRead);
        return (communes.Select((id, i) =>
        {
            var aggregate = CommuneAggregate.From(aggregates[i]);
            var citizen = Counts(aggregate, rules.CitizenForm);
            return new CommuneSurveyProgress(
                id, tree[id].Name ?? id, SurveyRoundStore.View(id, year, roundList[i]), citizen, Counts(aggregate, rules.CadreForm),
                Math.Max(0, roundList[i].CitizenTarget - citizen.Counted));
        }).ToList(), null);
    }

    private static FormCounts Counts(CommuneAggregate aggregate, string form) => new(
        aggregate.Count(FormStandings.Group(form, FormStandings.Counted)),
        aggregate.Count(FormStandings.Group(form, FormStandings.Held)),
        aggregate.Count(FormStandings.Group(form, FormStandings.Excluded)),
        aggregate.Count(FormStandings.Group(form, FormStandings.Feedback)),
        aggregate.Count(FormStandings.Group(form, FormStandings.Outside)),
        aggregate.Count(AggregateFields.FromDeskGroup(form)));
}
