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

/// <summary>PUT …/recognition: the decision's number, its date (yyyy-MM-dd) and who recorded it.</summary>
public sealed record RecognitionBody(string Decision, string DecidedOn, string DecidedBy);

/// <summary>DELETE …/recognition: the revoking decision, why, and its date when typed.</summary>
public sealed record RevocationBody(string Decision, string Reason, string? DecidedOn, string DecidedBy);

/// <summary>The part of a problem+json answer the bot reads: the core's Vietnamese detail and the field it names.</summary>
public sealed record CoreProblem(int? Status, string? Detail, string? Field);
