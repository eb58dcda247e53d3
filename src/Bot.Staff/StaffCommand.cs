namespace Bot.Staff;

/// <summary>The staff and officials' commands; each is allowed to the roles <see cref="StaffAccess"/> lists.</summary>
public enum StaffCommandKind
{
    Ask,
    Enrol,
    WhoAmI,
    LinkChannel,
    CreateCode,
    Enrolments,
    Revoke,
    SelfScore,
    Appraise,
    Disqualify,
    Lift,
    Scorecard,
    Rollup,
    Ranking,
    Export,
    Invite,
    InviteCadre,
    CadreList,
    SurveyProgress,
    OpenRound,
    CloseRound,
    PaperForms,
    HeldForms,
    CountHeld,
    ExcludeHeld,
    AuditCase,
    DeskForms,
    Comments,
    Recognise,
    RevokeRecognition,
    History,
}

/// <summary>A command as typed: which one, and the words after it (a commune, a unit, a year, a code).</summary>
public sealed record StaffCommand(StaffCommandKind Kind, string Rest)
{
    /// <summary>
    /// The commands in the order they are tried: longer commands first where one begins with
    /// another ("bỏ không xét" before "không xét", "tự chấm điểm" before "điểm"). Built once; every
    /// message outside a survey is read against it.
    /// </summary>
    private static readonly (StaffCommandKind Kind, Func<StaffTexts, Bot.Dialogs.WordList> Words)[] Table =
    [
        (StaffCommandKind.Ask, w => w.Ask),
        // Before "đăng ký <mã>": "đăng ký cán bộ thôn <xã>" registers a village cadre.
        (StaffCommandKind.InviteCadre, w => w.InviteCadre),
        // Before "danh sách" (the enrolments).
        (StaffCommandKind.CadreList, w => w.CadreList),
        (StaffCommandKind.Enrol, w => w.Enrol),
        (StaffCommandKind.Invite, w => w.Invite),
        (StaffCommandKind.SurveyProgress, w => w.SurveyProgress),
        (StaffCommandKind.OpenRound, w => w.OpenRound),
        (StaffCommandKind.CloseRound, w => w.CloseRound),
        (StaffCommandKind.PaperForms, w => w.PaperForms),
        (StaffCommandKind.HeldForms, w => w.HeldForms),
        (StaffCommandKind.CountHeld, w => w.CountHeld),
        (StaffCommandKind.ExcludeHeld, w => w.ExcludeHeld),
        (StaffCommandKind.AuditCase, w => w.AuditCase),
        (StaffCommandKind.DeskForms, w => w.DeskForms),
        (StaffCommandKind.Comments, w => w.Comments),
        (StaffCommandKind.Recognise, w => w.RecogniseResult),
        // Before "thu hồi <mã>" (an enrolment): "thu hồi công nhận <xã> …" revokes a recognition.
        (StaffCommandKind.RevokeRecognition, w => w.RevokeRecognition),
        (StaffCommandKind.History, w => w.History),
        (StaffCommandKind.WhoAmI, w => w.WhoAmI),
        (StaffCommandKind.LinkChannel, w => w.LinkChannel),
        (StaffCommandKind.CreateCode, w => w.CreateCode),
        (StaffCommandKind.Enrolments, w => w.Enrolments),
        (StaffCommandKind.Revoke, w => w.Revoke),
        (StaffCommandKind.SelfScore, w => w.SelfScore),
        (StaffCommandKind.Appraise, w => w.Appraise),
        (StaffCommandKind.Lift, w => w.Lift),
        (StaffCommandKind.Disqualify, w => w.Disqualify),
        (StaffCommandKind.Export, w => w.Export),
        (StaffCommandKind.Rollup, w => w.Rollup),
        (StaffCommandKind.Ranking, w => w.Ranking),
        (StaffCommandKind.Scorecard, w => w.Scorecard),
    ];

    /// <summary>Reads a message as a command, or null. A question mark after it ("điểm Cẩm Vũ?") is no part of a name or code.</summary>
    public static StaffCommand? Parse(string text, StaffTexts words)
    {
        foreach (var (kind, list) in Table)
        {
            if (list(words).Command(text) is { } rest)
            {
                return new StaffCommand(kind, rest.TrimEnd('?', ' ').Trim());
            }
        }
        return null;
    }
}
