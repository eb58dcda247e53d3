namespace ScoringCore.Api;

/// <summary>A refusal: HTTP status, the field at fault (a JSON path without "$."), and the Vietnamese detail.</summary>
public sealed record ApiError(int Status, string Field, string Detail);
