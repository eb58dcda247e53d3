using System.Text.Json.Serialization;
using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>
/// The decision that recognises a commune's level for a year (a number such as "16/QĐ-UBND" and
/// its date), with the level and total it recognised, as they stood when it was recorded.
/// </summary>
public sealed record Recognition(string Decision, string DecidedOn, string DecidedBy, LevelCode Level, string LevelName, decimal Total, DateTimeOffset RecordedAt);

/// <summary>The decision that revokes a recognition (violations found later), and why.</summary>
public sealed record Revocation(
    string Decision,
    string Reason,
    string DecidedOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DecidedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// One change of a commune-year's result, kept for appraisers and the export: who, when, what
/// (a change code such as "appraisal" or "recognition"), a short detail (the points, the decision)
/// and why, where someone gave a reason.
/// </summary>
public sealed record ResultChange(
    DateTimeOffset At,
    string Change,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? By,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

/// <summary>The change codes of <see cref="ResultChange.Change"/>, also text ids ("history.&lt;code&gt;") in the bot.</summary>
public static class ResultChanges
{
    public const string SelfDraft = "self-assessment-draft";
    public const string SelfFinal = "self-assessment-final";
    public const string Appraisal = "appraisal";
    public const string Disqualified = "disqualification";
    public const string DisqualificationLifted = "disqualification-lifted";
    public const string FormCounted = "form-counted";
    public const string FormExcluded = "form-excluded";
    public const string Recognised = "recognition";
    public const string Revoked = "revocation";
}
