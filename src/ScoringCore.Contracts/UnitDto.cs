namespace ScoringCore.Contracts;

/// <summary>One administrative unit: province, district (where one still exists) or commune.</summary>
public sealed record UnitDto(string? Id, string? Name, string? Kind, string? ParentId);
