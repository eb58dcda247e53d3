using Bot.CoreClient;

namespace Bot.Staff.Charts;

/// <summary>The officials' charts, drawn when a link is opened from the scoring core's figures of that moment.</summary>
public sealed class ChartImages(ScoringCoreClient core, ChartFiguresBuilder figures, StaffTexts texts)
{
    public async Task<ChartFigures?> RollupFiguresAsync(string unitId, string unitName, int year, CancellationToken cancellationToken)
    {
        var summary = await core.GetSummaryAsync(unitId, year, cancellationToken);
        return summary.Ok ? figures.Rollup(summary.Value!, unitName) : null;
    }

    /// <summary>The rollup chart's PNG; null when the core did not answer.</summary>
    public async Task<byte[]?> RollupAsync(string unitId, string unitName, int year, CancellationToken cancellationToken) =>
        await RollupFiguresAsync(unitId, unitName, year, cancellationToken) is { } rollup ? ChartDrawing.Png(rollup, texts.Text("chart.target")) : null;

    /// <summary>A commune's criteria chart's PNG; null when the core did not answer.</summary>
    public async Task<byte[]?> ScorecardAsync(string communeId, string communeName, int year, CancellationToken cancellationToken)
    {
        var card = await core.GetScorecardAsync(communeId, year, cancellationToken);
        return card.Ok ? ChartDrawing.Png(figures.Scorecard(card.Value!, communeName), texts.Text("chart.target")) : null;
    }
}
