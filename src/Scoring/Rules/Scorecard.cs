using System.Text.Json.Serialization;
using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>One commune's score for one year, as the scoring core serves it and the bot shows it.</summary>
public sealed record Scorecard(
    string CommuneId,
    int Year,
    SurveyPartScore A1,
    SurveyPartScore A2,
    PartBCard B,
    decimal Total,
    LevelCode Level,
    string LevelName,
    bool Disqualified,
    Disqualification? Disqualification,
    NextLevel? NextLevel,
    IReadOnlyList<LostPoints> LostPoints,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DisqualificationLifted = null,
    bool Submitted = false);

public sealed record SurveyPartScore(
    decimal Score,
    long Responses,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? OutsideWindow);

public sealed record PartBCard(decimal Self, decimal? Appraised, decimal Final, IReadOnlyList<CriterionScore> Criteria);

/// <summary>A recorded disqualification: its kind ("complaints" or "discipline") and the appraiser's note.</summary>
public sealed record Disqualification(string Kind, string Note);
