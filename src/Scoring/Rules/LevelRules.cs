using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>Which level a total reaches, and what the next level needs.</summary>
public sealed class LevelRules(SchemeRules rules)
{
    /// <summary>A disqualified commune is "không xét đánh giá năm đó": classed none whatever its score.</summary>
    public LevelDefinition Classify(decimal total, bool disqualified) =>
        disqualified ? rules.Levels[0] : rules.Levels.Last(level => total >= level.MinTotal);

    public string Name(LevelCode code) => rules.Levels.First(level => level.Code == code).Name;

    /// <summary>The next level and the points still needed; null at the top level or when disqualified.</summary>
    public NextLevel? Next(decimal total, bool disqualified)
    {
        if (disqualified)
        {
            return null;
        }
        var current = Classify(total, disqualified: false);
        var next = rules.Levels.FirstOrDefault(level => level.Code > current.Code);
        return next is null ? null : new NextLevel(next.Code, next.MinTotal - total);
    }
}

public sealed record NextLevel(LevelCode Level, decimal PointsNeeded);
