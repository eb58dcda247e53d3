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
    bool Submitted = false,
    string Status = "none",
    bool Provisional = true,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Recognition? Recognition = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Revocation? Revocation = null);

/// <summary>
/// A1 or A2: the mean of the <see cref="Responses"/> counted, and the forms that were not:
/// held for an appraiser's decision, excluded by one, and the commune's own feedback (open links).
/// <see cref="SampleWarning"/>: fewer forms counted than the scheme's minimum for the year.
/// <see cref="FromDesk"/> (A1 only): the forms received from invitations the commune's own desk
/// made, whatever their standing, which appraisers check against the one-stop software's records.
/// </summary>
public sealed record SurveyPartScore(
    decimal Score,
    long Responses,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? OutsideWindow,
    long Held = 0,
    long Excluded = 0,
    long Feedback = 0,
    bool SampleWarning = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FromDesk = null);

/// <summary>Forms of one kind that are stored but not in the mean.</summary>
public sealed record UncountedForms(long Held, long Excluded, long Feedback)
{
    public static readonly UncountedForms None = new(0, 0, 0);
}

public sealed record PartBCard(decimal Self, decimal? Appraised, decimal Final, IReadOnlyList<CriterionScore> Criteria);

/// <summary>A recorded disqualification: its kind ("complaints" or "discipline") and the appraiser's note.</summary>
public sealed record Disqualification(string Kind, string Note);
