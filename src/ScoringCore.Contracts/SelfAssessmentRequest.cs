namespace ScoringCore.Contracts;

/// <summary>PUT …/self-assessment: item scores, evidence notes (tài liệu kiểm chứng), and whether it is final.</summary>
public sealed record SelfAssessmentRequest(
    IReadOnlyDictionary<string, decimal>? Items,
    IReadOnlyDictionary<string, string?>? Evidence,
    string? SubmittedBy,
    bool? Final);

/// <summary>A self-assessment as stored.</summary>
public sealed record SelfAssessmentRecord(
    IReadOnlyDictionary<string, decimal> Items,
    IReadOnlyDictionary<string, string> Evidence,
    string SubmittedBy,
    bool Final,
    DateTimeOffset UpdatedAt);
