namespace ScoringCore.Storage;

/// <summary>
/// Every Redis key the scoring core uses, built here and nowhere else. Ids are validated to
/// [a-z0-9._-] before they reach a key, so no id can forge another key's name. Every key of one
/// commune's year carries the hash tag "{communeId:year}", so the scripts and transactions that
/// span them touch one slot of a Redis Cluster; the unit tree has its own, "{units}" (decision 020).
/// </summary>
public sealed class RedisKeys
{
    private readonly string prefix;

    public RedisKeys(string prefix)
    {
        // A brace in the prefix would become the hash tag of every key and put them all in one slot.
        if (prefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException("The Redis key prefix may not contain braces.", nameof(prefix));
        }
        this.prefix = prefix;
    }

    /// <summary>Hash: unit id → unit JSON. The whole administrative tree (a few thousand units).</summary>
    public string Units => prefix + "{units}";

    /// <summary>Set of the ids of units whose kind is commune, so a form's commune is checked in O(1).</summary>
    public string Communes => prefix + "{units}:communes";

    /// <summary>String: the canonical JSON of one accepted survey response; also its idempotency record.</summary>
    public string Response(string communeId, int year, string responseId) => $"{CommuneYear(communeId, year)}:response:{responseId}";

    /// <summary>Hash: running totals of one commune and year (survey counts and sums, B totals, disqualification).</summary>
    public string Aggregate(string communeId, int year) => $"{CommuneYear(communeId, year)}:agg";

    /// <summary>String: the self-assessment JSON of one commune and year.</summary>
    public string SelfAssessment(string communeId, int year) => $"{CommuneYear(communeId, year)}:self";

    /// <summary>String: the appraisal JSON of one commune and year.</summary>
    public string Appraisal(string communeId, int year) => $"{CommuneYear(communeId, year)}:appraisal";

    /// <summary>Hash: response id → "standing|reasons" for every form of a commune and year (the audit list).</summary>
    public string Forms(string communeId, int year) => $"{CommuneYear(communeId, year)}:forms";

    /// <summary>Hash: response id → an appraiser's decision on a held form (JSON).</summary>
    public string FormDecisions(string communeId, int year) => $"{CommuneYear(communeId, year)}:forms:decisions";

    /// <summary>String: the response id that used a reference (case, registration, sheet); one form each, ever.</summary>
    public string Reference(string communeId, int year, string form, string source, string reference) => $"{CommuneYear(communeId, year)}:ref:{form}:{source}:{reference}";

    /// <summary>String: the open form a device gave for a commune and year (one counted form per device).</summary>
    public string Device(string communeId, int year, string deviceHash) => $"{CommuneYear(communeId, year)}:device:{deviceHash}";

    /// <summary>String: the case form a device first gave for a commune and year (a second case's form from it is held).</summary>
    public string CaseDevice(string communeId, int year, string deviceHash) => $"{CommuneYear(communeId, year)}:device:case:{deviceHash}";

    /// <summary>Sorted set, short-lived: open forms from one address by submission time, to spot bursts.</summary>
    public string AddressForms(string communeId, int year, string addressHash) => $"{CommuneYear(communeId, year)}:addr:{addressHash}";

    /// <summary>String, short-lived: the answers of the last open form from one address, to spot identical runs.</summary>
    public string AddressLastAnswers(string communeId, int year, string addressHash) => $"{CommuneYear(communeId, year)}:addr:{addressHash}:last";

    /// <summary>Sorted set: the comments sent with a commune's forms of a year (JSON), by submission time; each kept for the retention period.</summary>
    public string Comments(string communeId, int year) => $"{CommuneYear(communeId, year)}:comments";

    /// <summary>String: a commune's survey round for a year as an appraiser set it (JSON); absent: the scheme's default.</summary>
    public string Round(string communeId, int year) => $"{CommuneYear(communeId, year)}:round";

    /// <summary>
    /// Set: the references of the cases the one-stop software asked invitations for after the commune's desk had
    /// made them. Their forms are the software's, whichever came first: the form or the software's request.
    /// </summary>
    public string SoftwareCases(string communeId, int year) => $"{CommuneYear(communeId, year)}:cases:software";

    /// <summary>List: every change of a commune-year's result (JSON, oldest first), the audit trail appraisers read.</summary>
    public string History(string communeId, int year) => $"{CommuneYear(communeId, year)}:history";

    /// <summary>String: the key layout this store was migrated to (decision 020), so later starts skip the scan.</summary>
    public string KeyLayout => prefix + "key-layout";

    /// <summary>A key of one commune's year: its hash tag, then what the key holds.</summary>
    public string InCommuneYear(string communeId, int year, string rest) => $"{CommuneYear(communeId, year)}:{rest}";

    private string CommuneYear(string communeId, int year) => $"{prefix}{{{communeId}:{year}}}";
}
