using System.Collections.Concurrent;
using Bot.CoreClient;
using Scoring.Rules;

namespace Bot.Surveys;

/// <summary>
/// Whether a commune's year is closed by a recognition decision, asked before a survey starts so a
/// citizen is not walked through five questions for a form that can no longer count. Remembered a
/// minute per commune and year (a year closes once, in January); when the core does not answer the
/// survey goes ahead, and the core still refuses the form if the year closed.
/// </summary>
public sealed class ClosedYears(ScoringCoreClient core, TimeProvider clock)
{
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string CommuneId, int Year), (bool Closed, DateTimeOffset Until)> _known = new();

    public async Task<bool> IsClosedAsync(string communeId, int year, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue((communeId, year), out var known) && known.Until > now)
        {
            return known.Closed;
        }
        var card = await core.GetScorecardAsync(communeId, year, cancellationToken);
        if (!card.Ok)
        {
            return false;
        }
        var closed = ResultStatuses.IsClosed(card.Value!.Status);
        _known[(communeId, year)] = (closed, now + Memory);
        return closed;
    }
}
