namespace ScoringCore.Contracts;

/// <summary>GET …/assessment: the stored self-assessment and appraisal of one commune and year; null where none exists yet.</summary>
public sealed record AssessmentView(string CommuneId, int Year, SelfAssessmentRecord? Self, AppraisalRecord? Appraisal);
