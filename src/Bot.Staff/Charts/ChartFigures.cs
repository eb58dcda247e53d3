using Scoring.Rules;

namespace Bot.Staff.Charts;

/// <summary>
/// The numbers a chart is drawn from, one row per bar group, so the picture and the export's
/// "figures" sheet can never disagree. <see cref="Second"/> is the provisional count (rollup) or
/// the maximum (scorecard); <see cref="ChartRow.Target"/> the year's target where there is one.
/// <see cref="Sideways"/>: bars drawn across, for groups with long names (the criteria).
/// </summary>
public sealed record ChartFigures(string Title, string FirstSeries, string SecondSeries, IReadOnlyList<ChartRow> Rows, bool Sideways = false);

public sealed record ChartRow(string Label, decimal First, decimal Second, decimal? Target = null);

/// <summary>Builds <see cref="ChartFigures"/> from a rollup or a scorecard, with words from dialogs/text/staff.vi.json.</summary>
public sealed class ChartFiguresBuilder(ScoringRules rules, StaffTexts texts)
{
    /// <summary>Communes per level, final and provisional side by side, then the two shares' counts against their targets.</summary>
    public ChartFigures Rollup(UnitSummary summary, string unitName)
    {
        int[] final = Counts(summary.ByLevel);
        int[] provisional = summary.Provisional is { } p ? Counts(p.ByLevel) : new int[5];
        var targets = summary.Targets;
        var rows = rules.Scheme.Rules.Levels.Select(level => new ChartRow(level.Name, final[(int)level.Code], provisional[(int)level.Code],
            level.Code == Scoring.Scheme.LevelCode.Level4 ? targets?.Level4Count : null)).ToList();
        rows.Add(new ChartRow(texts.Text("chart.meeting"), final[1..].Sum(), provisional[1..].Sum(), Needed(targets?.MeetingStandardShare, summary.Communes)));
        rows.Add(new ChartRow(texts.Text("chart.above"), final[2..].Sum(), provisional[2..].Sum(), Needed(targets?.AboveLevel1Share, summary.Communes)));
        return new ChartFigures(
            texts.Format("chart.rollupTitle", ("unit", unitName), ("year", summary.Year), ("count", summary.Communes)),
            texts.Text("chart.final"), texts.Text("chart.provisional"), rows);
    }

    /// <summary>A commune's five criteria: the points that stand (appraised where appraised) against each maximum.</summary>
    public ChartFigures Scorecard(Scorecard card, string communeName) => new(
        texts.Format("chart.scorecardTitle", ("commune", communeName), ("year", card.Year)),
        texts.Text("chart.points"), texts.Text("chart.max"),
        [.. card.B.Criteria.Select((c, i) => new ChartRow(texts.Format("chart.criterion", ("n", i + 1), ("title", c.Title)), c.Final, c.Max))],
        Sideways: true);

    private static int[] Counts(LevelCounts counts) => [counts.None, counts.Level1, counts.Level2, counts.Level3, counts.Level4];

    /// <summary>Communes a share target asks for: 90% of 11 communes is 10 (9.9 rounded up), as the target check compares counts.</summary>
    private static decimal? Needed(decimal? share, int communes) => share is { } s ? Math.Ceiling(s * communes) : null;
}
