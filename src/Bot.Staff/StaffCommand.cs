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
    Export,
    Invite,
    InviteCadre,
    SurveyProgress,
    OpenRound,
    CloseRound,
    PaperForms,
    HeldForms,
    CountHeld,
    ExcludeHeld,
    AuditCase,
    Recognise,
    RevokeRecognition,
    History,
}

/// <summary>A command as typed: which one, and the words after it (a commune, a unit, a year, a code).</summary>
public sealed record StaffCommand(StaffCommandKind Kind, string Rest)
{
    /// <summary>
    /// Reads a message as a command, or null. Longer commands are tried first where one begins
    /// with another ("bỏ không xét" before "không xét", "tự chấm điểm" before "điểm").
    /// </summary>
    public static StaffCommand? Parse(string text, StaffTexts words)
    {
        (StaffCommandKind Kind, Bot.Dialogs.WordList Words)[] table =
        [
            (StaffCommandKind.Ask, words.Ask),
            // Before "đăng ký <mã>": "đăng ký cán bộ thôn <xã>" registers a village cadre.
            (StaffCommandKind.InviteCadre, words.InviteCadre),
            (StaffCommandKind.Enrol, words.Enrol),
            (StaffCommandKind.Invite, words.Invite),
            (StaffCommandKind.SurveyProgress, words.SurveyProgress),
            (StaffCommandKind.OpenRound, words.OpenRound),
            (StaffCommandKind.CloseRound, words.CloseRound),
            (StaffCommandKind.PaperForms, words.PaperForms),
            (StaffCommandKind.HeldForms, words.HeldForms),
            (StaffCommandKind.CountHeld, words.CountHeld),
            (StaffCommandKind.ExcludeHeld, words.ExcludeHeld),
            (StaffCommandKind.AuditCase, words.AuditCase),
            (StaffCommandKind.Recognise, words.RecogniseResult),
            // Before "thu hồi <mã>" (an enrolment): "thu hồi công nhận <xã> …" revokes a recognition.
            (StaffCommandKind.RevokeRecognition, words.RevokeRecognition),
            (StaffCommandKind.History, words.History),
            (StaffCommandKind.WhoAmI, words.WhoAmI),
            (StaffCommandKind.LinkChannel, words.LinkChannel),
            (StaffCommandKind.CreateCode, words.CreateCode),
            (StaffCommandKind.Enrolments, words.Enrolments),
            (StaffCommandKind.Revoke, words.Revoke),
            (StaffCommandKind.SelfScore, words.SelfScore),
            (StaffCommandKind.Appraise, words.Appraise),
            (StaffCommandKind.Lift, words.Lift),
            (StaffCommandKind.Disqualify, words.Disqualify),
            (StaffCommandKind.Export, words.Export),
            (StaffCommandKind.Rollup, words.Rollup),
            (StaffCommandKind.Scorecard, words.Scorecard),
        ];
        foreach (var (kind, list) in table)
        {
            if (list.Command(text) is { } rest)
            {
                return new StaffCommand(kind, rest.Trim());
            }
        }
        return null;
    }
}
