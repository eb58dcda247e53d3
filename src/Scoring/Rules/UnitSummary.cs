namespace Scoring.Rules;

/// <summary>
/// A rollup of every commune under a unit for one year, against the province targets.
/// <see cref="ByLevel"/>, the shares and the targets count final levels only (appraised or
/// recognised) over all <see cref="Communes"/>; <see cref="Provisional"/> counts the submitted but
/// unappraised ones; <see cref="Drafts"/> and the communes not submitted have no level.
/// </summary>
public sealed record UnitSummary(
    string UnitId,
    int Year,
    int Communes,
    LevelCounts ByLevel,
    decimal MeetingStandardShare,
    decimal AboveLevel1Share,
    TargetCheck? Targets,
    SubmissionStatus Submissions,
    IReadOnlyList<QuestionScore> WeakestQuestions,
    ProvisionalLevels? Provisional = null,
    IReadOnlyList<string>? Drafts = null);

/// <summary>
/// Submitted, not yet appraised: their levels as self-scored, and the shares the unit would reach
/// if the appraisals confirmed them (final and provisional together, over all communes).
/// </summary>
public sealed record ProvisionalLevels(int Communes, LevelCounts ByLevel, decimal MeetingStandardShareIfConfirmed, decimal AboveLevel1ShareIfConfirmed);

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

/// <summary>What the rollup needs to know of one commune; without a <see cref="Status"/>, it follows from the two flags.</summary>
public sealed record CommuneOutcome(string CommuneId, decimal Total, bool Disqualified, bool Submitted = false, bool Appraised = false, ResultStatus? Status = null);
