using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>Part B: which item scores are allowed, and B from self-scores and appraised scores.</summary>
public sealed class AssessmentScoring(SchemeDefinition scheme)
{
    /// <summary>Longest evidence note, appraisal reason or disqualification note kept.</summary>
    public const int MaxNoteLength = 2000;

    private readonly Rubric _rubric = scheme.Rubric;

    /// <summary>
    /// Only leaves are scored, from 0 to their max, in steps of the rubric's scoreStep (0.5: the
    /// smallest items are worth 0.5, so half points must be possible, and finer steps would be
    /// false precision for an appraisal by eye).
    /// </summary>
    public ItemDefect? Check(string itemId, decimal value)
    {
        var item = _rubric.Find(itemId);
        return item switch
        {
            null => new ItemDefect(ItemDefectKind.Unknown, itemId, null),
            { IsLeaf: false } => new ItemDefect(ItemDefectKind.NotALeaf, itemId, item),
            _ when value < 0 => new ItemDefect(ItemDefectKind.Negative, itemId, item),
            _ when value > item.Max => new ItemDefect(ItemDefectKind.AboveMax, itemId, item),
            _ when value % _rubric.ScoreStep != 0 => new ItemDefect(ItemDefectKind.OffStep, itemId, item),
            _ => null,
        };
    }

    /// <summary>The values a leaf may take, for telling a user what is allowed: 0, 0.5 … max.</summary>
    public IReadOnlyList<decimal> AllowedValues(RubricItem leaf)
    {
        var values = new List<decimal>();
        for (var value = 0m; value <= leaf.Max; value += _rubric.ScoreStep)
        {
            values.Add(value);
        }
        return values;
    }

    /// <summary>The leaves a final self-assessment still lacks, in rubric order.</summary>
    public IReadOnlyList<RubricItem> MissingLeaves(IReadOnlyDictionary<string, decimal> items) =>
        _rubric.Leaves.Where(leaf => !items.ContainsKey(leaf.Id)).ToList();

    /// <summary>
    /// B self, appraised and final. Item by item the appraised value wins over the self-score; an
    /// item nobody scored counts 0. "Appraised" is null until the appraisal is complete (<see cref="IsAppraised"/>):
    /// an appraisal saved item by item, as the appraiser goes, is not yet the appraising level's result.
    /// </summary>
    public PartBScore Compute(IReadOnlyDictionary<string, decimal> self, IReadOnlyDictionary<string, decimal>? appraised)
    {
        var complete = IsAppraised(appraised);
        var finalByLeaf = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var criteria = new List<CriterionScore>();
        foreach (var criterion in _rubric.Criteria)
        {
            decimal selfSum = 0, finalSum = 0;
            foreach (var leaf in LeavesOf(criterion))
            {
                var selfValue = self.GetValueOrDefault(leaf.Id);
                var finalValue = appraised is not null && appraised.TryGetValue(leaf.Id, out var appraisedValue)
                    ? appraisedValue
                    : selfValue;
                selfSum += selfValue;
                finalSum += finalValue;
                finalByLeaf[leaf.Id] = finalValue;
            }
            criteria.Add(new CriterionScore(criterion.Id, criterion.DisplayTitle, criterion.Max, selfSum, complete ? finalSum : null, finalSum));
        }
        var selfTotal = criteria.Sum(c => c.Self);
        var finalTotal = criteria.Sum(c => c.Final);
        return new PartBScore(selfTotal, complete ? finalTotal : null, finalTotal, criteria, finalByLeaf);
    }

    /// <summary>An appraisal that gives every item of the rubric its appraised score: B is then appraised, and the level final.</summary>
    public bool IsAppraised(IReadOnlyDictionary<string, decimal>? appraised) =>
        appraised is not null && _rubric.Leaves.All(leaf => appraised.ContainsKey(leaf.Id));

    /// <summary>The leaves where the most points were lost, largest loss first, ties in rubric order.</summary>
    public IReadOnlyList<LostPoints> LostPoints(PartBScore score, int count) =>
        _rubric.Leaves
            .Select(leaf => new LostPoints(leaf.Id, leaf.DisplayTitle, leaf.Max - score.FinalByLeaf.GetValueOrDefault(leaf.Id)))
            .Where(lost => lost.Lost > 0)
            .OrderByDescending(lost => lost.Lost)
            .Take(count)
            .ToList();

    private static IEnumerable<RubricItem> LeavesOf(RubricItem item) =>
        item.IsLeaf ? [item] : item.Children.SelectMany(LeavesOf);
}

public enum ItemDefectKind
{
    Unknown,
    NotALeaf,
    Negative,
    AboveMax,
    OffStep,
}

public sealed record ItemDefect(ItemDefectKind Kind, string ItemId, RubricItem? Item);

public sealed record CriterionScore(string Id, string Title, decimal Max, decimal Self, decimal? Appraised, decimal Final);

public sealed record PartBScore(
    decimal Self,
    decimal? Appraised,
    decimal Final,
    IReadOnlyList<CriterionScore> Criteria,
    IReadOnlyDictionary<string, decimal> FinalByLeaf);

public sealed record LostPoints(string Id, string Title, decimal Lost);
