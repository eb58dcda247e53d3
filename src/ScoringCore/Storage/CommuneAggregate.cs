using System.Text.Json;
using Scoring.Rules;
using ScoringCore.Contracts;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>A commune-year's aggregate hash, read back into the rules' terms.</summary>
public sealed record CommuneAggregate(
    IReadOnlyDictionary<string, long> Fields,
    IReadOnlyDictionary<string, string> Texts)
{
    public static CommuneAggregate From(HashEntry[] entries)
    {
        var fields = new Dictionary<string, long>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = (string)entry.Name!;
            if (entry.Value.TryParse(out long number) && !IsText(name))
            {
                fields[name] = number;
            }
            else
            {
                texts[name] = entry.Value!;
            }
        }
        return new CommuneAggregate(fields, texts);
    }

    private static bool IsText(string name) =>
        name is AggregateFields.DisqualificationKind or AggregateFields.DisqualificationNote or AggregateFields.DisqualificationLifted
            or AggregateFields.Recognition or AggregateFields.Revocation;

    public Disqualification? Disqualification =>
        Texts.GetValueOrDefault(AggregateFields.DisqualificationKind) is { } kind
            ? new Disqualification(kind, Texts.GetValueOrDefault(AggregateFields.DisqualificationNote) ?? "")
            : null;

    public string? DisqualificationLifted => Texts.GetValueOrDefault(AggregateFields.DisqualificationLifted);

    // Read once: a decision on the year, the scorecard and the rollup each ask for them.
    public Recognition? Recognition { get; } =
        Texts.GetValueOrDefault(AggregateFields.Recognition) is { } recognition ? JsonSerializer.Deserialize(recognition, ScoringCoreJsonContext.Default.Recognition) : null;

    public Revocation? Revocation { get; } =
        Texts.GetValueOrDefault(AggregateFields.Revocation) is { } revocation ? JsonSerializer.Deserialize(revocation, ScoringCoreJsonContext.Default.Revocation) : null;

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

    public ResultStatus Status => ResultStatuses.Of(HasSelfAssessment, SelfSubmitted, Appraised,
        Texts.ContainsKey(AggregateFields.Recognition), Texts.ContainsKey(AggregateFields.Revocation));

    /// <summary>The raw value of a field as read (null when absent), for conditions that the result has not moved since.</summary>
    public RedisValue Raw(string field) =>
        Fields.TryGetValue(field, out var number) ? number : Texts.TryGetValue(field, out var text) ? text : RedisValue.Null;
}
