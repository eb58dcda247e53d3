namespace ScoringCore.Contracts;

/// <summary>PUT …/appraisal: appraised item scores and a reason for each that differs from the self-score.</summary>
public sealed record AppraisalRequest(
    IReadOnlyDictionary<string, decimal>? Items,
    IReadOnlyDictionary<string, string?>? Reasons,
    string? AppraisedBy);

/// <summary>An appraisal as stored.</summary>
public sealed record AppraisalRecord(
    IReadOnlyDictionary<string, decimal> Items,
    IReadOnlyDictionary<string, string> Reasons,
    string AppraisedBy,
    DateTimeOffset UpdatedAt);
