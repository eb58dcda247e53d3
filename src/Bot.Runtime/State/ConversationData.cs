using System.Text.Json.Serialization;

namespace Bot.State;

/// <summary>What the bot remembers of one conversation between turns (stored as JSON in Redis).</summary>
public sealed partial class ConversationData
{
    /// <summary>
    /// The dialogs in progress, innermost last; empty when none is. A survey or a walk through the
    /// rubric begins in place of everything; a short staff dialog begun in the middle of a walk
    /// goes on top of it, and the walk takes up again when it ends (docs/decisions/021).
    /// </summary>
    public List<DialogFrame> Dialogs { get; set; } = [];

    /// <summary>Where the conversation is, read from the innermost dialog.</summary>
    [JsonIgnore]
    public Phase Phase => Active switch
    {
        SurveyProgress => Phase.Survey,
        StaffFrame => Phase.Staff,
        AskingCommune => Phase.AskingCommune,
        _ => Phase.Idle,
    };

    /// <summary>The survey being answered, when it is the innermost dialog.</summary>
    [JsonIgnore]
    public SurveyProgress? Survey => Active as SurveyProgress;

    /// <summary>The staff dialog in progress (self-scoring, appraisal, a disqualification…), when it is the innermost.</summary>
    [JsonIgnore]
    public StaffFrame? Staff => Active as StaffFrame;

    private DialogFrame? Active => Dialogs.Count > 0 ? Dialogs[^1] : null;

    /// <summary>Begins <paramref name="dialog"/> in place of every dialog in progress.</summary>
    public void Begin(DialogFrame dialog)
    {
        Dialogs.Clear();
        Dialogs.Add(dialog);
    }

    /// <summary>
    /// Begins <paramref name="dialog"/> on top of the dialogs from the bottom of the stack that
    /// <paramref name="returnTo"/> accepts (they take up again when it ends); the others end.
    /// </summary>
    public void BeginOver(DialogFrame dialog, Func<DialogFrame, bool> returnTo)
    {
        var kept = Dialogs.TakeWhile(returnTo).Count();
        Dialogs.RemoveRange(kept, Dialogs.Count - kept);
        Dialogs.Add(dialog);
    }

    /// <summary>Ends the innermost dialog; the one below it, if any, is in progress again.</summary>
    public void EndDialog()
    {
        if (Dialogs.Count > 0)
        {
            Dialogs.RemoveAt(Dialogs.Count - 1);
        }
    }

    /// <summary>The survey last finished or cancelled here, so "bắt đầu lại" can start it again.</summary>
    public SurveyStart? LastSurvey { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The commune whose survey page opened this conversation: another commune's invitation code is refused here.</summary>
    public string? PageCommuneId { get; set; }

    /// <summary>The key of the question now waiting for an answer (<see cref="Activities.CardAnswer.KeyOf"/>): clicks on older cards are stale.</summary>
    public string? PromptKey { get; set; }

    /// <summary>Scores a staff dialog decided on that the scoring core has not confirmed yet, per commune, year and dialog.</summary>
    public List<UnsavedAssessment> Unsaved { get; set; } = [];

    /// <summary>The unsaved entries of one commune's year in one dialog, created empty when there are none.</summary>
    public UnsavedAssessment UnsavedFor(StaffMode mode, string communeId, int year)
    {
        var found = FindUnsaved(mode, communeId, year);
        if (found is null)
        {
            found = new UnsavedAssessment { Mode = mode, CommuneId = communeId, Year = year };
            Unsaved.Add(found);
        }
        return found;
    }

    public bool HasUnsaved(StaffMode mode, string communeId, int year) => FindUnsaved(mode, communeId, year) is { IsEmpty: false };

    /// <summary>
    /// Lays one commune's year's unsaved entries over the core's copy (which the caller owns),
    /// forgetting those the core now holds.
    /// </summary>
    public void SettleUnsaved(StaffMode mode, string communeId, int year, Dictionary<string, decimal> stored, Dictionary<string, string> storedNotes)
    {
        if (FindUnsaved(mode, communeId, year) is { } unsaved)
        {
            unsaved.SettleOnto(stored, storedNotes);
            DropSettled();
        }
    }

    /// <summary>Forgets one commune's year's unsaved entries: the core's copy can no longer take them (a submitted self-assessment).</summary>
    public void ForgetUnsaved(StaffMode mode, string communeId, int year) => Unsaved.RemoveAll(UnsavedOf(mode, communeId, year));

    /// <summary>Forgets entries the core has confirmed, so the state does not keep empty records.</summary>
    public void DropSettled() => Unsaved.RemoveAll(u => u.IsEmpty);

    private UnsavedAssessment? FindUnsaved(StaffMode mode, string communeId, int year) => Unsaved.Find(UnsavedOf(mode, communeId, year));

    private static Predicate<UnsavedAssessment> UnsavedOf(StaffMode mode, string communeId, int year) =>
        u => u.Mode == mode && u.CommuneId == communeId && u.Year == year;

    /// <summary>The held forms an appraiser last listed, so "tính phiếu 2 …" names one by its number.</summary>
    public HeldList? HeldForms { get; set; }
}

public sealed record HeldList(string CommuneId, string CommuneName, int Year, IReadOnlyList<string> ResponseIds);

/// <summary>Where a conversation is, as the routes ask it; read from the dialog stack (and, in state stored before it, by these names).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Phase>))]
public enum Phase
{
    [JsonStringEnumMemberName("idle")] Idle,
    [JsonStringEnumMemberName("askingCommune")] AskingCommune,
    [JsonStringEnumMemberName("survey")] Survey,
    /// <summary>Only in state stored before the dialog stack: a survey had ended. It reads as <see cref="Idle"/>.</summary>
    [JsonStringEnumMemberName("ended")] Ended,
    [JsonStringEnumMemberName("staff")] Staff,
}

/// <summary>Where a survey is: which one, for which commune, the current step and the answers so far.</summary>
public sealed class SurveyProgress : DialogFrame
{
    public required string DialogId { get; set; }
    public required string CommuneId { get; set; }
    public required string CommuneName { get; set; }
    public string? CaseCode { get; set; }
    public required int Year { get; set; }

    /// <summary>The id the scoring core will know this form by: fixed at the start, so a retried submission can never count twice.</summary>
    public required string ResponseId { get; set; }

    public int Step { get; set; }
    public Dictionary<string, string> Answers { get; set; } = [];

    /// <summary>Steps answered, most recent last: "quay lại" pops one.</summary>
    public List<int> History { get; set; } = [];

    /// <summary>Unrecognised answers in a row at the current step; after three the bot offers help.</summary>
    public int Invalid { get; set; }

    /// <summary>An answer typed in words that shift points ("chưa tốt"), waiting for the person's "đúng".</summary>
    public string? PendingChoice { get; set; }

    /// <summary>Set by "sửa N" at the summary: after the answer, go back to the summary.</summary>
    public bool ReturnToSummary { get; set; }

    /// <summary>Set by "sửa câu N" before the summary: after the answer, go on from this step, where the person was.</summary>
    public int? ResumeAt { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Where the form comes from and what it stands for; it decides whether the form counts.</summary>
    public FormOrigin Origin { get; set; } = FormOrigin.OpenLink;

    /// <summary>
    /// Who "one form per person" is about for an open form: the survey page's device when it has
    /// one (every new tab is a new chat user), else the channel user (null).
    /// </summary>
    public string? Respondent { get; set; }

    /// <summary>Steps answered by the invitation (a cadre's role and village): not asked, not editable.</summary>
    public List<string> FixedSteps { get; set; } = [];

    /// <summary>
    /// Step id → an answer the invitation knows (a registered cadre's name), offered on a button at that step rather
    /// than taken: the person taps it, types another, or skips. Stored only when there is one.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? Offered { get; set; }

    /// <summary>
    /// What the person wrote at a question instead of choosing ("cán bộ nhiệt tình nhưng phải chờ lâu"), kept for the
    /// comment, which it opens when that step is answered. Stored only when there is one.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Remark { get; set; }

    /// <summary>The form goes to the commune as feedback, not to the score: its consent says so. Stored only when true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool FeedbackOnly { get; set; }
}

/// <summary>
/// What "bắt đầu lại" starts again: the same survey, and the same invitation if it came from one.
/// <see cref="Sent"/>: it ended with the form sent, not cancelled (stored only when true).
/// </summary>
public sealed record SurveyStart(string DialogId, string CommuneId, string? CaseCode, string? InvitationHash = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Sent = false);

/// <summary>
/// A form's origin as the scoring core is told it (docs/decisions/011): the source, its reference
/// (a keyed case hash, a registration), the visit, and the keyed hashes of the device and address
/// an open page was used from, and who made a case's invitation (<see cref="Scoring.Rules.InvitationIssuers"/>).
/// <see cref="InvitationHash"/> keys the "used" marker; it never leaves the bot.
/// </summary>
public sealed record FormOrigin(
    string Source,
    string? Reference = null,
    DateTimeOffset? VisitedAt = null,
    string? InvitationHash = null,
    string? DeviceHash = null,
    string? AddressHash = null,
    string? IssuedBy = null)
{
    public static readonly FormOrigin OpenLink = new(Scoring.Rules.FormSources.Open);
}
