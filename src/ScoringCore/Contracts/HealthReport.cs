namespace ScoringCore.Contracts;

public sealed record HealthReport(string Status, RedisHealth Redis);

public sealed record RedisHealth(bool Reachable, double? LatencyMs);
