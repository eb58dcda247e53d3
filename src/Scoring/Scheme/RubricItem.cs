namespace Scoring.Scheme;

/// <summary>One row of Phụ lục 01 part B: a criterion (TC1…), a sub-item, or a scored leaf.</summary>
public sealed record RubricItem
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? ShortTitle { get; init; }
    public required decimal Max { get; init; }
    public required string Guidance { get; init; }
    // The source-generated reader assigns every init property, null when "children" is absent.
    public IReadOnlyList<RubricItem> Children
    {
        get => _children;
        init => _children = value ?? [];
    }

    private readonly IReadOnlyList<RubricItem> _children = [];

    public bool IsLeaf => Children.Count == 0;

    /// <summary>The title to show where space is short (phones, buttons).</summary>
    public string DisplayTitle => ShortTitle ?? Title;
}
