namespace ScoringCore.Contracts;

/// <summary>PUT …/recognition: the decision's number (such as "16/QĐ-UBND"), its date (yyyy-MM-dd) and who signed or recorded it.</summary>
public sealed record RecognitionRequest(string? Decision, string? DecidedOn, string? DecidedBy);

/// <summary>DELETE …/recognition: the revoking decision and why; its date (today when left out) and who are optional.</summary>
public sealed record RevocationRequest(string? Decision, string? Reason, string? DecidedOn, string? DecidedBy);
