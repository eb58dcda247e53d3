using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>Counts communes per level and checks the shares against the year's province targets.</summary>
public sealed class RollupCalculator(SchemeRules rules, LevelRules levels)
{
    public UnitSummary Compute(string unitId, int year, IEnumerable<CommuneOutcome> communes)
    {
        var counts = new int[5];
        foreach (var commune in communes)
        {
            counts[(int)levels.Classify(commune.Total, commune.Disqualified).Code]++;
        }
        var total = counts.Sum();
        var meeting = total - counts[0];
        var aboveLevel1 = meeting - counts[1];
        return new UnitSummary(
            unitId,
            year,
            total,
            new LevelCounts(counts[0], counts[1], counts[2], counts[3], counts[4]),
            Share(meeting, total),
            Share(aboveLevel1, total),
            Check(rules.Targets.FirstOrDefault(t => t.Year == year), total, meeting, aboveLevel1, counts[4]));
    }

    private static TargetCheck? Check(ProvinceTarget? target, int total, int meeting, int aboveLevel1, int level4)
    {
        if (target is null)
        {
            return null;
        }
        // Compared on counts, not on the rounded shares, so 89.996% never passes for 90%.
        var meetingMet = total > 0 && meeting >= target.MeetingStandardShare * total;
        var aboveMet = target.AboveLevel1Share is not { } above || (total > 0 && aboveLevel1 >= above * total);
        var level4Met = target.Level4Count is not { } needed || level4 >= needed;
        return new TargetCheck(target.MeetingStandardShare, target.AboveLevel1Share, target.Level4Count, meetingMet, aboveMet, level4Met, meetingMet && aboveMet && level4Met);
    }

    private static decimal Share(int part, int total) =>
        total == 0 ? 0m : Math.Round((decimal)part / total, 4, MidpointRounding.AwayFromZero);
}
