namespace ScoringCore.Contracts;

/// <summary>
/// An accepted survey response as stored and returned. Its JSON, written in this fixed order with
/// submittedAt in UTC, is the canonical content compared when a responseId comes again.
/// </summary>
public sealed record SurveyResponseRecord(
    string ResponseId,
    string Form,
    string CommuneId,
    int Year,
    IReadOnlyList<string> Answers,
    string SubmittedAt,
    string Channel,
    bool? InWindow,
    decimal Score);
