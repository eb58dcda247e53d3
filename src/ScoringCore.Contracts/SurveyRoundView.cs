using System.Text.Json.Serialization;

namespace ScoringCore.Contracts;

/// <summary>A commune's survey round for a year: the visit days that count, the citizen forms aimed for, and who last set it (null: the scheme's default).</summary>
public sealed record SurveyRoundView(
    string CommuneId,
    int Year,
    string OpensOn,
    string ClosesOn,
    int CitizenTarget,
    bool Set,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ChangedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ChangedAt);

/// <summary>PUT …/survey-round: the round's days ("2026-11-23") and target; closing it early is a PUT with closesOn = today.</summary>
public sealed record SurveyRoundRequest(string? OpensOn, string? ClosesOn, int? CitizenTarget, string? ChangedBy)
{
    /// <summary>The most citizen forms a round may aim for; the core refuses more, and chat says so before sending.</summary>
    public const int MaxCitizenTarget = 100_000;
}

/// <summary>One commune's survey so far: its round, and the citizen and cadre forms by standing.</summary>
public sealed record CommuneSurveyProgress(
    string CommuneId,
    string Name,
    SurveyRoundView Round,
    FormCounts Citizen,
    FormCounts Cadre,
    long CitizenMissing);

/// <summary>
/// Forms of one kind by standing. <see cref="FromDesk"/>: the forms received (whatever their
/// standing) from case invitations the commune's own desk made in chat, which appraisers check
/// against the one-stop software's records.
/// </summary>
public sealed record FormCounts(long Counted, long Held, long Excluded, long Feedback, long OutsideWindow, long FromDesk = 0);

/// <summary>What became of one paper sheet: "created", "repeated" (the same sheet and answers again), "alreadyEntered" (the sheet number was used) or "unknownCommune".</summary>
public sealed record PaperFormResult(string CommuneId, string Sheet, string ResponseId, string Result);
