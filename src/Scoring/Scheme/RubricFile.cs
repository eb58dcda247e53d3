namespace Scoring.Scheme;

/// <summary>The shape of dialogs/scheme/rubric.json, as written.</summary>
public sealed record RubricFile
{
    public required string Title { get; init; }
    public required string Source { get; init; }
    public required decimal Total { get; init; }
    public required decimal ScoreStep { get; init; }
    public required PartAFile PartA { get; init; }
    public required PartBFile PartB { get; init; }
}

public sealed record PartAFile(string Id, string Title, decimal Max, IReadOnlyList<SurveyPart> Surveys);

public sealed record PartBFile(string Id, string Title, decimal Max, IReadOnlyList<RubricItem> Items);

/// <summary>A1 or A2: the mean of one survey form, worth <see cref="Max"/> points.</summary>
public sealed record SurveyPart(string Id, string Form, string Title, decimal Max);
