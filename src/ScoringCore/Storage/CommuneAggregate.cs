using Scoring.Rules;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>A commune-year's aggregate hash, read back into the rules' terms.</summary>
public sealed record CommuneAggregate(
    IReadOnlyDictionary<string, long> Fields,
    string? DisqualificationKind,
    string? DisqualificationNote,
    string? DisqualificationLifted)
{
    public static CommuneAggregate From(HashEntry[] entries)
    {
        var fields = new Dictionary<string, long>(StringComparer.Ordinal);
        string? kind = null, note = null, lifted = null;
        foreach (var entry in entries)
        {
            var name = (string)entry.Name!;
            if (name == AggregateFields.DisqualificationKind)
            {
                kind = entry.Value;
            }
            else if (name == AggregateFields.DisqualificationNote)
            {
                note = entry.Value;
            }
            else if (name == AggregateFields.DisqualificationLifted)
            {
                lifted = entry.Value;
            }
            else if (entry.Value.TryParse(out long number))
            {
                fields[name] = number;
            }
        }
        return new CommuneAggregate(fields, kind, note, lifted);
    }

    public Disqualification? Disqualification => DisqualificationKind is null ? null : new Disqualification(DisqualificationKind, DisqualificationNote ?? "");

    public SurveyAggregate Survey(string group, int questions) => new(
        Fields.GetValueOrDefault(AggregateFields.Count(group)),
        Fields.GetValueOrDefault(AggregateFields.Sum(group)),
        Enumerable.Range(1, questions).Select(q => Fields.GetValueOrDefault(AggregateFields.Question(group, q))).ToList());

    public long Count(string group) => Fields.GetValueOrDefault(AggregateFields.Count(group));

    public bool SelfSubmitted => Fields.GetValueOrDefault(AggregateFields.SelfSubmitted) == 1;

    public bool Appraised => Fields.ContainsKey(AggregateFields.BAppraised);

    /// <summary>A self-assessment was saved, draft or final: its B total is copied here with it.</summary>
    public bool HasSelfAssessment => Fields.ContainsKey(AggregateFields.BSelf);

    public decimal BFinal => CentiPoints.ToPoints(Fields.GetValueOrDefault(AggregateFields.BFinal));
}
