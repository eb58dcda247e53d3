namespace Scoring.Scheme;

/// <summary>The rubric with its items indexed: by id, leaves in order, and each leaf's criterion.</summary>
public sealed class Rubric
{
    private readonly Dictionary<string, RubricItem> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RubricItem> _criterionOf = new(StringComparer.Ordinal);

    public Rubric(RubricFile file)
    {
        File = file;
        var leaves = new List<RubricItem>();
        foreach (var criterion in file.PartB.Items)
        {
            Index(criterion, criterion, leaves);
        }
        Leaves = leaves;
    }

    public RubricFile File { get; }
    public decimal Total => File.Total;
    public decimal ScoreStep => File.ScoreStep;
    public IReadOnlyList<RubricItem> Criteria => File.PartB.Items;
    public IReadOnlyList<RubricItem> Leaves { get; }
    public IReadOnlyList<SurveyPart> Surveys => File.PartA.Surveys;

    public RubricItem? Find(string id) => _byId.GetValueOrDefault(id);

    public RubricItem CriterionOf(RubricItem leaf) => _criterionOf[leaf.Id];

    private void Index(RubricItem item, RubricItem criterion, List<RubricItem> leaves)
    {
        // TryAdd: duplicates are reported by the loader's checks, which run on the file, not here.
        _byId.TryAdd(item.Id, item);
        _criterionOf.TryAdd(item.Id, criterion);
        if (item.IsLeaf)
        {
            leaves.Add(item);
        }
        foreach (var child in item.Children)
        {
            Index(child, criterion, leaves);
        }
    }
}
