using Bot.CoreClient;
using Scoring.Rules;

namespace Bot.Assistant.Answers;

/// <summary>A commune's scorecard for a year; the scoring core's in the service, a stand-in in unit tests.</summary>
public interface ICommuneScorecards
{
    Task<CoreResult<Scorecard>> GetAsync(string communeId, int year, CancellationToken cancellationToken);
}

public sealed class CoreScorecards(ScoringCoreClient core) : ICommuneScorecards
{
    public Task<CoreResult<Scorecard>> GetAsync(string communeId, int year, CancellationToken cancellationToken) =>
        core.GetScorecardAsync(communeId, year, cancellationToken);
}
