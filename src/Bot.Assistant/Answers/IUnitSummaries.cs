using Bot.CoreClient;
using Scoring.Rules;

namespace Bot.Assistant.Answers;

/// <summary>A unit's rollup for a year; the scoring core's in the service, a stand-in in unit tests.</summary>
public interface IUnitSummaries
{
    Task<CoreResult<UnitSummary>> GetAsync(string unitId, int year, CancellationToken cancellationToken);
}

public sealed class CoreUnitSummaries(ScoringCoreClient core) : IUnitSummaries
{
    public Task<CoreResult<UnitSummary>> GetAsync(string unitId, int year, CancellationToken cancellationToken) =>
        core.GetSummaryAsync(unitId, year, cancellationToken);
}
