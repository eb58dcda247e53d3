using Bot.CoreClient;
using Bot.Dialogs;
using Bot.People;
using Bot.Units;

namespace Bot.Staff;

/// <summary>The staff and officials' command words from dialogs/text/staff.vi.json, parsed once.</summary>
public sealed class StaffTexts(BotTexts texts)
{
    public BotTexts All => texts;

    public WordList Ask { get; } = Words(texts, "ask");
    public WordList Enrol { get; } = Words(texts, "enrol");
    public WordList CreateCode { get; } = Words(texts, "createCode");
    public WordList Enrolments { get; } = Words(texts, "enrolments");
    public WordList Revoke { get; } = Words(texts, "revoke");
    public WordList LinkChannel { get; } = Words(texts, "linkChannel");
    public WordList SelfScore { get; } = Words(texts, "selfScore");
    public WordList Appraise { get; } = Words(texts, "appraise");
    public WordList Scorecard { get; } = Words(texts, "scorecard");
    public WordList Rollup { get; } = Words(texts, "rollup");
    public WordList Ranking { get; } = Words(texts, "ranking");
    public WordList Export { get; } = Words(texts, "export");
    public WordList Disqualify { get; } = Words(texts, "disqualify");
    public WordList Lift { get; } = Words(texts, "lift");
    public WordList WhoAmI { get; } = Words(texts, "whoAmI");
    public WordList Invite { get; } = Words(texts, "invite");
    public WordList InviteCadre { get; } = Words(texts, "inviteCadre");
    public WordList CadreList { get; } = Words(texts, "cadreList");
    public WordList SurveyProgress { get; } = Words(texts, "surveyProgress");
    public WordList OpenRound { get; } = Words(texts, "openRound");
    public WordList CloseRound { get; } = Words(texts, "closeRound");
    public WordList PaperForms { get; } = Words(texts, "paperForms");
    public WordList HeldForms { get; } = Words(texts, "heldForms");
    public WordList CountHeld { get; } = Words(texts, "countHeld");
    public WordList ExcludeHeld { get; } = Words(texts, "excludeHeld");
    public WordList AuditCase { get; } = Words(texts, "auditCase");
    public WordList DeskForms { get; } = Words(texts, "deskForms");
    public WordList Comments { get; } = Words(texts, "comments");
    public WordList RecogniseResult { get; } = Words(texts, "recognise");
    public WordList RevokeRecognition { get; } = Words(texts, "revokeRecognition");
    public WordList History { get; } = Words(texts, "history");
    public WordList Criterion { get; } = Words(texts, "criterion");
    public WordList ItemWord { get; } = Words(texts, "item");
    public WordList Review { get; } = Words(texts, "review");
    public WordList Submit { get; } = Words(texts, "submit");
    public WordList Confirm { get; } = Words(texts, "confirm");
    private WordList Stop { get; } = Words(texts, "stop");

    /// <summary>
    /// "dừng", "hủy", "xong": a stop. As typed: "đúng rồi" (right), whose key is that of "dừng rồi", is an appraiser's
    /// yes, not a stop.
    /// </summary>
    public bool Stops(string text) => Stop.MatchesTyped(text) || texts.Cancel.MatchesTyped(text);
    public WordList Keep { get; } = Words(texts, "keep");
    public WordList KeepAll { get; } = Words(texts, "keepAll");
    public WordList Continue { get; } = Words(texts, "continue");

    /// <summary>"năm ngoái", "năm nay", "năm sau" (as keys, longest first), with the years each moves from this one.</summary>
    public IReadOnlyList<(string Key, int Offset)> RelativeYears { get; } =
        [.. texts.RelativeYears
            .SelectMany(year => year.Phrases.Split('|').Select(phrase => (Key: TextNormalizer.Key(phrase), year.Offset)))
            .OrderByDescending(year => year.Key.Length)];

    /// <summary>"tối đa", "đủ điểm": an item's full marks, typed instead of the number.</summary>
    public WordList FullMarks { get; } = Words(texts, "fullMarks");

    /// <summary>"Chưa làm", "xã chưa có ạ": said where a score is asked (found anywhere in it), which the bot does not turn into 0 by itself.</summary>
    public WordList NotDone { get; } = Words(texts, "notDone");

    /// <summary>"Mục trước", "mục vừa chấm": found in a sentence where a score is asked ("tôi chấm sai mục trước"), a way back to it.</summary>
    public WordList PreviousItem { get; } = Words(texts, "previousItem");

    /// <summary>"Dạ", "chấm", "được": words said before a score ("dạ chấm 1"), which are neither the score nor its note.</summary>
    public WordList ScoreLead { get; } = Words(texts, "scoreLead");

    /// <summary>"Ạ", "nhé": particles after a score ("1 điểm ạ"), which are no evidence and no reason.</summary>
    public WordList ScoreTail { get; } = texts.WordsAt("words.afterAnswer");

    /// <summary>"theo quyết định số", "QĐ": the words before a decision's number, which are not the commune's name.</summary>
    public WordList DecisionLead { get; } = Words(texts, "decisionLead");

    /// <summary>"Phiếu số": the words before a paper sheet's number ("phiếu số 17").</summary>
    public WordList SheetLead { get; } = Words(texts, "sheetLead");

    /// <summary>"Thôn", "xóm", "tổ dân phố": how a village's name begins ("thôn Đông"), which a person's name does not.</summary>
    public WordList Village { get; } = Words(texts, "village");

    /// <summary>"năm" before a year ("năm 2026"), "ngày" before a day.</summary>
    public WordList YearWord { get; } = Words(texts, "yearWord");
    public WordList DayWord { get; } = Words(texts, "dayWord");

    /// <summary>"có ạ", "rồi": a yes where the evidence itself was asked for, which no appraiser could check.</summary>
    public WordList OnlyYes { get; } = Words(texts, "onlyYes");

    /// <summary>Role words as typed in "tạo mã …", longest first so "cán bộ thẩm định" is not read as "cán bộ".</summary>
    public IReadOnlyList<(StaffRole Role, WordList Words)> RoleWords { get; } =
    [
        (StaffRole.Appraiser, texts.WordsAt("staff.role.appraiser")),
        (StaffRole.Admin, texts.WordsAt("staff.role.admin")),
        (StaffRole.Staff, texts.WordsAt("staff.role.staff")),
    ];

    public string Text(string key) => texts[key];

    /// <summary>A year outside the scheme's, with the years it covers.</summary>
    public string BadYear(Scoring.Rules.ScoringRules rules) =>
        texts.Format("staff.badYear", ("from", rules.Scheme.Rules.Years.From), ("to", rules.Scheme.Rules.Years.To));

    public string Format(string key, params (string Name, object? Value)[] values) => texts.Format(key, values);

    /// <summary>What to tell the person when the scoring core said no (its own reason) or did not answer.</summary>
    public string CoreFailure<T>(CoreResult<T> result) => texts.CoreFailure(result);

    /// <summary>A refusal written for an API caller, its field named in words for chat (<see cref="CoreFailureText.FieldInWords"/>).</summary>
    public string FieldInWords(string detail, string field) => CoreFailureText.FieldInWords(texts, detail, field);

    public string RoleName(StaffRole role) => texts["staff.roleName." + StaffRoles.Name(role)];

    /// <summary>
    /// The refusal of a command to someone enrolled in a role it does not need: which roles it is for, and what they are
    /// enrolled as, so a commune's staff typing an appraiser's command knows it is not a fault of their enrolment.
    /// </summary>
    public string RoleRefusal(StaffCommandKind command, Person person, UnitTree tree) =>
        texts.Format("staff.refusedRole",
            ("roles", string.Join($" {texts["staff.words.or"]} ", StaffAccess.RolesFor(command).Select(RoleName))),
            ("roleName", RoleName(person.Role)), ("unitName", tree.NameOf(person.UnitId)));

    /// <summary>A case of disqualification ("complaints") in words, as the dialog, its record and the history say it.</summary>
    public string DisqualificationKind(string kind) => texts["dq.kind." + kind];

    /// <summary>Who made a case's invitation (<see cref="Scoring.Rules.InvitationIssuers"/>), in words.</summary>
    public string IssuedBy(string issuer) => texts["staff.issuedBy." + issuer];

    /// <summary>
    /// The items that lost most points, one a line: id, short title and points lost, so a commune or
    /// an appraiser need not have the rubric at hand to know what "1.6" is. A very long title is cut
    /// at a word, the rubric's own wording kept.
    /// </summary>
    public string LostItems(IEnumerable<Scoring.Rules.LostPoints> lost) => string.Concat(lost.Select(l =>
        texts.Format("self.projection.lostItem", ("id", l.Id), ("title", Shortened(l.Title)), ("lost", Scoring.Text.VietnameseFormat.Points(l.Lost)))));

    private static string Shortened(string title)
    {
        const int Longest = 90;
        if (title.Length <= Longest)
        {
            return title;
        }
        var cut = title.LastIndexOf(' ', Longest - 1);
        return title[..(cut > 0 ? cut : Longest - 1)].TrimEnd(',', ';', ' ') + "…";
    }

    private static WordList Words(BotTexts texts, string name) => texts.WordsAt("staff.words." + name);
}

public static class WordListExtensions
{
    /// <summary>The typed text after the command word ("" when the text is just the word); null when it is not this command.</summary>
    public static string? Command(this WordList words, string text)
    {
        var key = TextNormalizer.Key(text);
        return words.Matches(key) ? "" : words.RestOf(text);
    }
}
