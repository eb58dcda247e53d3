using System.Text.Json.Serialization;

namespace ScoringCore.Contracts;

/// <summary>
/// An accepted survey response as stored and returned. Its JSON, written in this fixed order with
/// submittedAt in UTC, is the canonical content compared when a responseId comes again. The
/// source and reference stay with it, so an appraiser can audit A1 case by case, and for a case's
/// form who made its invitation (absent on forms stored before it was kept).
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
    decimal Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VisitedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IssuedBy = null);
