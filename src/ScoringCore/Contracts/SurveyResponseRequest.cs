namespace ScoringCore.Contracts;

/// <summary>POST /api/v1/survey-responses. Nullable throughout so a missing field gets a named answer.</summary>
public sealed record SurveyResponseRequest(
    string? ResponseId,
    string? Form,
    string? CommuneId,
    int? Year,
    IReadOnlyList<string?>? Answers,
    string? SubmittedAt,
    string? Channel,
    bool? InWindow);
