namespace Bot.Staff.Core;

// The scoring core's assessment API as the bot reads and writes it (camelCase on the wire).

/// <summary>GET …/assessment: the stored self-assessment and appraisal; null where none exists yet.</summary>
public sealed record StoredAssessment(StoredSelfAssessment? Self, StoredAppraisal? Appraisal);

public sealed record StoredSelfAssessment(Dictionary<string, decimal> Items, Dictionary<string, string> Evidence, bool Final);

public sealed record StoredAppraisal(Dictionary<string, decimal> Items, Dictionary<string, string> Reasons);

/// <summary>PUT …/self-assessment: the whole draft each time (the core keeps one document per commune and year).</summary>
public sealed record SelfAssessmentBody(IReadOnlyDictionary<string, decimal> Items, IReadOnlyDictionary<string, string> Evidence, string SubmittedBy, bool Final);

/// <summary>PUT …/appraisal: every item appraised so far, with a reason for each changed one.</summary>
public sealed record AppraisalBody(IReadOnlyDictionary<string, decimal> Items, IReadOnlyDictionary<string, string> Reasons, string AppraisedBy);

public sealed record DisqualificationBody(string Kind, string Note);

public sealed record LiftBody(string Note);

/// <summary>The part of a problem+json answer the bot shows: the core's Vietnamese detail.</summary>
public sealed record CoreProblem(int? Status, string? Detail);
