using Bot.CoreClient;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Staff.Assessments;

/// <summary>
/// What a draft self-assessment would give: the commune's survey score A as it stands, plus B from
/// the draft, its level, the points to the next level and where most points were lost; all by
/// the scheme's own rules (the ones the scoring core uses).
/// </summary>
public sealed class ScoreProjection(ScoringRules rules, ScoringCoreClient core, StaffTexts texts)
{
    private const int LostShown = 3;

    public async Task<string> DescribeAsync(string communeId, int year, IReadOnlyDictionary<string, decimal> items, CancellationToken cancellationToken)
    {
        var card = await core.GetScorecardAsync(communeId, year, cancellationToken);
        if (!card.Ok)
        {
            return texts.Text("staff.coreDown");
        }
        var a1 = card.Value!.A1.Score;
        var a2 = card.Value.A2.Score;
        var b = rules.Assessment.Compute(items, null);
        var total = ScorecardCalculator.Total(a1, a2, b.Self);
        // A commune recorded as "không xét đánh giá" is not meeting the standard whatever it scores: its projection
        // says so, rather than a level and the points to the next one that the year cannot give.
        var disqualified = card.Value.Disqualified;
        var level = rules.Levels.Classify(total, disqualified);
        var lines = new List<string>
        {
            texts.Format("self.projection", ("a", VietnameseFormat.Points(a1 + a2)), ("a1", VietnameseFormat.Points(a1)), ("a2", VietnameseFormat.Points(a2)),
                ("b", VietnameseFormat.Points(b.Self)), ("total", VietnameseFormat.Points(total)), ("level", level.Name)),
        };
        lines.Add(disqualified ? texts.Format("self.projection.disqualified", ("year", year))
            : rules.Levels.Next(total, disqualified: false) is { } next
            ? texts.Format("self.projection.next", ("points", VietnameseFormat.Points(next.PointsNeeded)), ("level", rules.Levels.Name(next.Level)))
            : texts.Text("self.projection.top"));
        // Only items already scored: an item not yet scored is not lost, just not done.
        var lost = rules.Assessment.LostPoints(b, int.MaxValue).Where(l => items.ContainsKey(l.Id)).Take(LostShown).ToList();
        if (lost.Count > 0)
        {
            lines.Add(texts.Format("self.projection.lost", ("items", texts.LostItems(lost))));
        }
        return string.Join("\n", lines);
    }
}
