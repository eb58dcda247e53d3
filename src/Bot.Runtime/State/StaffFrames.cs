using System.Text.Json.Serialization;

namespace Bot.State;

/// <summary>
/// A staff dialog on the conversation's stack: the commune and year it is about, and what its
/// next message answers. The scores themselves live in the scoring core (so another channel or
/// another day resumes from them); what has not reached it yet is kept beside the dialog
/// (<see cref="ConversationData.Unsaved"/>).
/// </summary>
public abstract class StaffFrame : DialogFrame
{
    public required string CommuneId { get; set; }
    public required string CommuneName { get; set; }
    public required int Year { get; set; }

    /// <summary>What the next message answers: a score, an evidence note, a reason, a confirmation…</summary>
    public StaffAwaiting Awaiting { get; set; } = StaffAwaiting.Score;
}

/// <summary>A walk through the rubric's leaves, one item at a time.</summary>
public abstract class WalkFrame : StaffFrame
{
    /// <summary>The rubric leaf being asked about; null once every item is done (the review).</summary>
    public string? Cursor { get; set; }

    /// <summary>A score waiting for its evidence note or its reason.</summary>
    public decimal? PendingScore { get; set; }

    /// <summary>A line typed where evidence or a reason was asked that also reads as another score for the item ("0,5 vì chưa đủ"), until the person says which it is.</summary>
    public string? PendingLine { get; set; }

    /// <summary>Leaves passed over with "bỏ qua", left for the review.</summary>
    public List<string> Skipped { get; set; } = [];
}

/// <summary>"tự chấm điểm": the commune's own staff scoring their commune.</summary>
public sealed class SelfScoringFrame : WalkFrame;

/// <summary>"thẩm định &lt;xã&gt;": an appraiser going through a submitted self-assessment.</summary>
public sealed class AppraisalFrame : WalkFrame;

/// <summary>"không xét &lt;xã&gt;" (or, with <see cref="Lifting"/>, "bỏ không xét"): which of the scheme's cases, then why.</summary>
public sealed class DisqualificationFrame : StaffFrame
{
    public bool Lifting { get; set; }

    /// <summary>The case chosen, waiting for its note.</summary>
    public string? Kind { get; set; }
}

/// <summary>"nhập phiếu giấy &lt;xã&gt;": paper sheets of one form, each a number then its answers.</summary>
public sealed class PaperFormFrame : StaffFrame
{
    public required string Form { get; set; }

    /// <summary>The number of the sheet being typed in.</summary>
    public string? Sheet { get; set; }

    /// <summary>That sheet's answer codes so far.</summary>
    public List<string> Answers { get; set; } = [];
}

/// <summary>"mời cán bộ thôn &lt;xã&gt;": a village cadre's role, then village, then (if they like) name.</summary>
public sealed class CadreInvitationFrame : StaffFrame
{
    public string? Role { get; set; }
    public string? Village { get; set; }
}

/// <summary>The walk unsaved entries belong to (<see cref="UnsavedAssessment"/>); in state stored before the dialog stack, which staff dialog was in progress. Stored by these names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StaffMode>))]
public enum StaffMode
{
    [JsonStringEnumMemberName("self")] SelfScoring,
    [JsonStringEnumMemberName("appraisal")] Appraisal,
    [JsonStringEnumMemberName("disqualify")] Disqualify,
    [JsonStringEnumMemberName("lift")] Lift,
    [JsonStringEnumMemberName("paper")] Paper,
    [JsonStringEnumMemberName("cadre")] Cadre,
}

/// <summary>What the next message of a staff dialog answers; stored by these names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StaffAwaiting>))]
public enum StaffAwaiting
{
    [JsonStringEnumMemberName("score")] Score,
    [JsonStringEnumMemberName("evidence")] Evidence,
    [JsonStringEnumMemberName("scoreOrEvidence")] ScoreOrEvidence,
    [JsonStringEnumMemberName("scoreOrReason")] ScoreOrReason,
    [JsonStringEnumMemberName("reason")] Reason,
    [JsonStringEnumMemberName("review")] Review,
    [JsonStringEnumMemberName("confirm")] Confirm,
    [JsonStringEnumMemberName("kind")] Kind,
    [JsonStringEnumMemberName("note")] Note,
    [JsonStringEnumMemberName("sheet")] Sheet,
    [JsonStringEnumMemberName("answers")] Answers,
    [JsonStringEnumMemberName("role")] Role,
    [JsonStringEnumMemberName("village")] Village,
    [JsonStringEnumMemberName("name")] Name,
}
