namespace ScoringCore.Storage;

/// <summary>
/// Every Redis key the scoring core uses, built here and nowhere else. Ids are validated to
/// [a-z0-9._-] before they reach a key, so no id can forge another key's name.
/// </summary>
public sealed class RedisKeys(string prefix)
{
    /// <summary>Hash: unit id → unit JSON. The whole administrative tree (a few thousand units).</summary>
    public string Units => prefix + "units";

    /// <summary>Set of the ids of units whose kind is commune, so the ingest script can check one in O(1).</summary>
    public string Communes => prefix + "communes";

    /// <summary>String: the canonical JSON of one accepted survey response; also its idempotency record.</summary>
    public string Response(string responseId) => prefix + "response:" + responseId;

    /// <summary>Hash: running totals of one commune and year (survey counts and sums, B totals, disqualification).</summary>
    public string Aggregate(string communeId, int year) => $"{prefix}agg:{communeId}:{year}";

    /// <summary>String: the self-assessment JSON of one commune and year.</summary>
    public string SelfAssessment(string communeId, int year) => $"{prefix}self:{communeId}:{year}";

    /// <summary>String: the appraisal JSON of one commune and year.</summary>
    public string Appraisal(string communeId, int year) => $"{prefix}appraisal:{communeId}:{year}";
}
