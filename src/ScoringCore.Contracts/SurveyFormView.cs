using System.Text.Json.Serialization;

namespace ScoringCore.Contracts;

/// <summary>One stored form of a commune and year as an appraiser audits it: where it came from, where it stands and why.</summary>
public sealed record SurveyFormView(
    string ResponseId,
    string Form,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference,
    string SubmittedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VisitedAt,
    IReadOnlyList<string> Answers,
    decimal Score,
    string Standing,
    IReadOnlyList<string> Reasons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HeldFormDecision? Decision,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IssuedBy = null);

/// <summary>An appraiser's decision on a held form: count it or exclude it, and why.</summary>
public sealed record HeldFormDecision(string Decision, string Reason, string DecidedBy, string DecidedAt);

/// <summary>POST …/survey-forms/{responseId}/decision.</summary>
public sealed record HeldFormDecisionRequest(string? Decision, string? Reason, string? DecidedBy);
