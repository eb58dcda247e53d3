namespace ScoringCore.Contracts;

/// <summary>The answer to PUT /api/v1/units: how many units were created or updated.</summary>
public sealed record UnitsSaved(int Saved);
