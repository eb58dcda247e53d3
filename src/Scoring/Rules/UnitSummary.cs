using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>A rollup of every commune under a unit for one year, against the province targets.</summary>
public sealed record UnitSummary(
    string UnitId,
    int Year,
    int Communes,
    LevelCounts ByLevel,
    decimal MeetingStandardShare,
    decimal AboveLevel1Share,
    TargetCheck? Targets,
    SubmissionStatus Submissions,
    IReadOnlyList<QuestionScore> WeakestQuestions);

/// <summary>Where the year's self-assessments stand: communes yet to submit (nộp), and how many are appraised.</summary>
public sealed record SubmissionStatus(
    DateTimeOffset SelfAssessmentDeadline,
    int Submitted,
    int Appraised,
    IReadOnlyList<string> NotSubmitted);

/// <summary>One survey question's mean points per answer (0–2) across the forms counted.</summary>
public sealed record QuestionScore(string Form, int Number, string Text, decimal Mean, long Responses);

public sealed record LevelCounts(int None, int Level1, int Level2, int Level3, int Level4);

/// <summary>The year's targets and whether each is met; a target the year does not set is null and counts as met.</summary>
public sealed record TargetCheck(
    decimal MeetingStandardShare,
    decimal? AboveLevel1Share,
    int? Level4Count,
    bool MeetingStandardMet,
    bool AboveLevel1Met,
    bool Level4Met,
    bool Met);

/// <summary>What the rollup needs to know of one commune.</summary>
public sealed record CommuneOutcome(string CommuneId, decimal Total, bool Disqualified, bool Submitted = false, bool Appraised = false);
