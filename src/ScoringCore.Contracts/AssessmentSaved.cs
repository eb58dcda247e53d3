namespace ScoringCore.Contracts;

/// <summary>The answer to a saved self-assessment or appraisal: where part B now stands.</summary>
public sealed record AssessmentSaved(
    string CommuneId,
    int Year,
    bool Final,
    int ItemsScored,
    int ItemsMissing,
    decimal BSelf,
    decimal? BAppraised,
    decimal BFinal);
