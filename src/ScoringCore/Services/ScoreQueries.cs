using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;
using StackExchange.Redis;

namespace ScoringCore.Services;

/// <summary>
/// Scorecards and rollups. A scorecard reads one aggregate hash and two documents, whatever the
/// number of responses; a summary reads the unit tree and one aggregate hash per commune.
/// </summary>
public sealed class ScoreQueries(
    ScoringRules rules,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    AssessmentStore assessments,
    PlaceChecks places,
    UnitStore units,
    ApiProblems problems)
{
    private readonly string _citizenForm = rules.CitizenForm;
    private readonly string _cadreForm = rules.CadreForm;

    public async Task<(Scorecard? Card, ApiError? Error)> ScorecardAsync(string communeId, int year)
    {
        var (card, _, error) = await ScorecardWithAggregateAsync(communeId, year);
        return (card, error);
    }

    /// <summary>The scorecard and the aggregate it was computed from, so a decision on it can be made conditional on the aggregate not moving.</summary>
    public async Task<(Scorecard? Card, CommuneAggregate? Aggregate, ApiError? Error)> ScorecardWithAggregateAsync(string communeId, int year)
    {
        if (await places.CheckCommuneYearAsync(communeId, year) is { } error)
        {
            return (null, null, error);
        }
        var aggregateRead = redis.GetDatabase().HashGetAllAsync(keys.Aggregate(communeId, year));
        var documentsRead = assessments.LoadAsync(communeId, year);
        var aggregate = CommuneAggregate.From(await aggregateRead);
        var documents = await documentsRead;
        var citizenQuestions = rules.Scheme.Forms[_citizenForm].Questions.Count;
        var inputs = new ScorecardInputs(
            communeId,
            year,
            aggregate.Survey(AggregateFields.SurveyGroup(_citizenForm, counted: true), citizenQuestions),
            aggregate.Count(AggregateFields.SurveyGroup(_citizenForm, counted: false)),
            aggregate.Survey(_cadreForm, rules.Scheme.Forms[_cadreForm].Questions.Count),
            documents.Self?.Items ?? new Dictionary<string, decimal>(),
            documents.Appraisal?.Items,
            aggregate.Disqualification,
            aggregate.DisqualificationLifted,
            documents.Self?.Final == true,
            Uncounted(aggregate, _citizenForm),
            Uncounted(aggregate, _cadreForm),
            ResultStatuses.Of(documents.Self is not null, documents.Self?.Final == true, rules.Assessment.IsAppraised(documents.Appraisal?.Items)),
            aggregate.Recognition,
            aggregate.Revocation,
            aggregate.Count(AggregateFields.FromDeskGroup(_citizenForm)));
        return (rules.Scorecards.Compute(inputs), aggregate, null);
    }

    private static UncountedForms Uncounted(CommuneAggregate aggregate, string form) => new(
        aggregate.Count(FormStandings.Group(form, FormStandings.Held)),
        aggregate.Count(FormStandings.Group(form, FormStandings.Excluded)),
        aggregate.Count(FormStandings.Group(form, FormStandings.Feedback)));

    public async Task<(UnitSummary? Summary, ApiError? Error)> SummaryAsync(string unitId, int year)
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
        var communes = CommunesUnder(unitId, tree);
        var db = redis.GetDatabase();
        // Issued together: the multiplexer pipelines them into one round trip's worth of writes.
        var reads = communes.Select(id => db.HashGetAllAsync(keys.Aggregate(id, year))).ToArray();
        var aggregates = await Task.WhenAll(reads);
        var read = aggregates.Select(CommuneAggregate.From).ToList();
        var outcomes = communes.Select((id, i) => Outcome(id, read[i]));
        return (rules.Rollups.Compute(unitId, year, outcomes, QuestionScores(read)), null);
    }

    private CommuneOutcome Outcome(string communeId, CommuneAggregate aggregate)
    {
        var a1 = SurveyScoring.Mean(aggregate.Survey(AggregateFields.SurveyGroup(_citizenForm, counted: true), 0));
        var a2 = SurveyScoring.Mean(aggregate.Survey(_cadreForm, 0));
        return new CommuneOutcome(communeId, ScorecardCalculator.Total(a1, a2, aggregate.BFinal), aggregate.Disqualification is not null, aggregate.SelfSubmitted, aggregate.Appraised,
            aggregate.Status);
    }

    /// <summary>
    /// Every survey question scored across the unit: each form's counted answers and the communes'
    /// own feedback (open links, item 2.5) summed over the communes; it is about service, not score.
    /// </summary>
    private IEnumerable<QuestionScore> QuestionScores(List<CommuneAggregate> aggregates)
    {
        foreach (var formId in new[] { _citizenForm, _cadreForm })
        {
            var form = rules.Scheme.Forms[formId];
            var sums = new long[form.Questions.Count];
            long count = 0, total = 0;
            var groups = new[] { FormStandings.Counted, FormStandings.Feedback }.Select(s => FormStandings.Group(formId, s));
            foreach (var survey in aggregates.SelectMany(a => groups.Select(g => a.Survey(g, form.Questions.Count))))
            {
                count += survey.Count;
                total += survey.SumCentiPoints;
                for (var q = 0; q < sums.Length; q++)
                {
                    sums[q] += survey.QuestionSumsCentiPoints[q];
                }
            }
            foreach (var score in SurveyScoring.QuestionScores(form, new SurveyAggregate(count, total, sums)))
            {
                yield return score;
            }
        }
    }

    internal static List<string> CommunesUnder(string unitId, Dictionary<string, UnitDto> tree)
    {
        var children = tree.Values.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!, StringComparer.Ordinal);
        var communes = new List<string>();
        var pending = new Stack<string>([unitId]);
        while (pending.TryPop(out var id))
        {
            if (tree[id].Kind == UnitKinds.Commune)
            {
                communes.Add(id);
            }
            foreach (var child in children[id])
            {
                pending.Push(child.Id!);
            }
        }
        return communes;
    }
}
