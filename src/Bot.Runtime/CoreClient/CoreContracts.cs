namespace Bot.CoreClient;

/// <summary>The part of a problem+json answer the bot reads: the core's Vietnamese detail and the field it names.</summary>
public sealed record CoreProblem(int? Status, string? Detail, string? Field);
