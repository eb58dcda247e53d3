using Bot.Dialogs;
using Bot.State;
using Bot.Surveys.Invitations;
using Bot.Turns;
using Bot.Units;
using Scoring.Rules;
using Scoring.Scheme;

namespace Bot.Surveys.Routing;

/// <summary>
/// Starting a survey, from an invitation (its code typed, its page, its link shared) or openly
/// for a commune (the desk poster's QR link, a commune's name typed). Each start tells the truth
/// about the form: an open or out-of-window one is the commune's feedback, not this year's score.
/// </summary>
public sealed class SurveyStarts(
    ScoringRules rules,
    SurveyEngine engine,
    BotTexts texts,
    ICommuneDirectory communes,
    ICompletionRegistry completions,
    InvitationStore invitations,
    InvitationCodes codes,
    ClosedYears closedYears)
{
    private const int MaxCaseCode = 64;

    /// <summary>
    /// The invitation behind a code's storage hash. <paramref name="stamp"/> comes from the
    /// invitation's page (its device); in chat the channel user is the respondent.
    /// </summary>
    public async Task InvitationAsync(TurnContext turn, string codeHash, (string Device, string Address)? stamp, CancellationToken cancellationToken)
    {
        var (invitation, usedBy) = await invitations.FindAsync(codeHash);
        var commune = invitation is null ? null : await communes.FindAsync(invitation.CommuneId, cancellationToken);
        var dialog = invitation is null ? null : Dialog(invitation.Form);
        if (invitation is null || commune is null || dialog is null)
        {
            turn.Say(texts["invitation.unknown"], expectingInput: true);
            return;
        }
        if (turn.State.PageCommuneId is { } page && page != commune.Id)
        {
            var pageName = (await communes.FindAsync(page, cancellationToken))?.Name ?? page;
            turn.Say(texts.Format("invitation.otherCommune", ("communeName", commune.Name), ("pageCommuneName", pageName)));
            return;
        }
        if (turn.State is { Phase: Phase.Survey, Survey: { } current } && current.Origin.InvitationHash == codeHash)
        {
            Resume(turn);
            return;
        }
        // A cadre's code is personal and came from the appraising level, not printed on a case's appointment slip.
        var cadre = !dialog.Form.Equals(rules.CitizenForm, StringComparison.Ordinal);
        if (usedBy is not null)
        {
            turn.Say(texts[cadre ? "invitation.cadreUsed" : "invitation.used"]);
            EndWithoutSurvey(turn);
            return;
        }
        if (turn.Now > invitation.ExpiresAt)
        {
            turn.Say(cadre ? texts["invitation.cadreExpired"] : texts.Format("invitation.expired", ("communeName", commune.Name)));
            EndWithoutSurvey(turn);
            return;
        }
        if (await ClosedAsync(turn, commune, invitation.Year, cancellationToken))
        {
            return;
        }
        // A case's form names the device it was answered on, so the core can hold a device's forms
        // for further cases; no address: citizens at the desk share its free Wi-Fi.
        var origin = cadre
            ? new FormOrigin(FormSources.Cadre, invitation.Reference, InvitationHash: codeHash)
            : new FormOrigin(FormSources.Invitation, invitation.Reference, invitation.VisitedAt, codeHash, RespondentDevice(turn, stamp), IssuedBy: invitation.IssuedBy);
        Dictionary<string, string>? fixedAnswers = cadre && invitation.Role is { } role
            ? new() { ["role"] = role, ["village"] = invitation.Village ?? "" }
            : null;
        var notice = !cadre && !rules.Calendar.IsInCitizenSurveyWindow(invitation.VisitedAt, invitation.Year)
            ? texts.Format("survey.visitOutsideWindow", ("communeName", commune.Name), ("year", invitation.Year))
            : null;
        // The name the appraiser registered is offered, not fixed: signing the form stays the cadre's choice.
        Dictionary<string, string>? knownAnswers = cadre && invitation.Name is { Length: > 0 } name ? new() { ["name"] = name } : null;
        Begin(turn, dialog, new SurveyTarget(commune.Id, commune.Name, invitation.Year, origin, FixedAnswers: fixedAnswers, KnownAnswers: knownAnswers), notice);
    }

    /// <summary>
    /// An open survey for a commune. <paramref name="stamp"/> comes from the survey page (its device
    /// and address); in chat the channel user is the respondent.
    /// </summary>
    public async Task OpenAsync(TurnContext turn, string form, string communeId, string? caseCode, (string Device, string Address)? stamp, CancellationToken cancellationToken)
    {
        var dialog = Dialog(form);
        if (dialog is null)
        {
            turn.Say(texts["unknownForm"]);
            return;
        }
        var commune = await communes.FindAsync(communeId, cancellationToken);
        if (commune is null)
        {
            AskForCommuneAgain(turn);
            return;
        }
        var year = turn.Now.ToOffset(rules.Calendar.Offset).Year;
        if (!rules.IsSchemeYear(year))
        {
            turn.Say(texts["outsideScheme"]);
            return;
        }
        if (await ClosedAsync(turn, commune, year, cancellationToken))
        {
            return;
        }
        if (turn.State is { Phase: Phase.Survey, Survey: { } current } && current.DialogId == dialog.Id && current.CommuneId == commune.Id && current.Origin.InvitationHash is null)
        {
            Resume(turn);
            return;
        }
        // Every tab of the page is a new chat user: there, one form per device.
        var respondent = stamp is { } page ? "device:" + page.Device : turn.UserKey;
        if (await completions.IsCompletedAsync(dialog.Form, commune.Id, year, respondent))
        {
            turn.Say(texts.Format("alreadyCompleted", ("communeName", commune.Name), ("year", year)));
            EndWithoutSurvey(turn);
            return;
        }
        var origin = new FormOrigin(FormSources.Open, DeviceHash: RespondentDevice(turn, stamp), AddressHash: stamp?.Address);
        Begin(turn, dialog, new SurveyTarget(commune.Id, commune.Name, year, origin, CleanCaseCode(caseCode)), WhetherItCounts(turn, dialog, commune.Name, year));
        turn.State.Survey!.Respondent = stamp is null ? null : respondent;
    }

    /// <summary>The keyed hash of where the form is answered: the page's device, or the channel user in chat.</summary>
    private string RespondentDevice(TurnContext turn, (string Device, string Address)? stamp) => stamp?.Device ?? codes.Hash("user\n" + turn.UserKey);

    /// <summary>A link that names no commune we know: refused politely, and the person can still name their commune.</summary>
    public void AskForCommuneAgain(TurnContext turn)
    {
        turn.Say(texts["unknownCommuneId"], expectingInput: true);
        turn.State.Begin(new AskingCommune());
    }

    /// <summary>A year whose result is recognised takes no more forms: thank the person and say so, instead of asking five questions for nothing.</summary>
    private async Task<bool> ClosedAsync(TurnContext turn, Commune commune, int year, CancellationToken cancellationToken)
    {
        if (!await closedYears.IsClosedAsync(commune.Id, year, cancellationToken))
        {
            return false;
        }
        turn.Say(texts.Format("survey.yearClosed", ("communeName", commune.Name), ("year", year)));
        EndWithoutSurvey(turn);
        return true;
    }

    private SurveyDialog? Dialog(string form) => rules.Scheme.Surveys.Values.FirstOrDefault(d => d.Form == form || d.Id == form);

    /// <summary>
    /// Starts the dialog; a <paramref name="notice"/> that the form will not count joins its greeting
    /// (one message, so an elderly person reads it with the hello, not as a separate warning), and
    /// the consent then says what such a form is for.
    /// </summary>
    private void Begin(TurnContext turn, SurveyDialog dialog, SurveyTarget target, string? notice)
    {
        var first = turn.Replies.Count;
        engine.Begin(turn, dialog, target with { FeedbackOnly = notice is not null });
        if (notice is not null && turn.Replies.Count > first)
        {
            turn.Replies[first].Text += "\n" + notice;
        }
    }

    /// <summary>An open form counts only in the years the scheme lists, in the window, and never for cadres (they are registered).</summary>
    private string? WhetherItCounts(TurnContext turn, SurveyDialog dialog, string communeName, int year)
    {
        var key = dialog.Form != rules.CitizenForm ? "survey.cadreNotRegistered"
            : !rules.Counting.OpenFormsCount(year) ? "survey.feedbackOnly"
            : !rules.Calendar.IsInCitizenSurveyWindow(turn.Now, year) ? "survey.outsideWindow"
            : null;
        return key is null ? null : texts.Format(key, ("communeName", communeName), ("year", year));
    }

    /// <summary>The survey in progress goes on: "welcome back", and its current question again.</summary>
    public void Resume(TurnContext turn)
    {
        turn.Say(texts["resumed"]);
        engine.PromptCurrent(turn);
    }

    private static void EndWithoutSurvey(TurnContext turn) => turn.State.Dialogs.Clear();

    // A case code (mã hồ sơ) from a trusted deep link is only a note on the form; anything odd is dropped.
    private static string? CleanCaseCode(string? caseCode) =>
        caseCode is { Length: > 0 and <= MaxCaseCode } && caseCode.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/') ? caseCode : null;
}
