using Bot.CoreClient;
using Scoring.Rules;
using ScoringCore.Contracts;

namespace Bot.Assistant.Answers;

/// <summary>A unit's rollup and survey progress for a year; the scoring core's in the service, a stand-in in unit tests.</summary>
public interface IUnitRollups
{
    Task<CoreResult<UnitSummary>> SummaryAsync(string unitId, int year, CancellationToken cancellationToken);

    Task<CoreResult<List<CommuneSurveyProgress>>> SurveyProgressAsync(string unitId, int year, CancellationToken cancellationToken);
}

public sealed class CoreUnitRollups(ScoringCoreClient core) : IUnitRollups
{
    public Task<CoreResult<UnitSummary>> SummaryAsync(string unitId, int year, CancellationToken cancellationToken) =>
        core.GetSummaryAsync(unitId, year, cancellationToken);

    public Task<CoreResult<List<CommuneSurveyProgress>>> SurveyProgressAsync(string unitId, int year, CancellationToken cancellationToken) =>
        core.GetSurveyProgressAsync(unitId, year, cancellationToken);
}
