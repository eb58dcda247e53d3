using Bot.Activities;
using Bot.Assistant;
using Bot.Assistant.Answers;
using Bot.Staff.Assessments;
using Bot.Staff.Enrolment;
using Bot.Staff.Results;
using Bot.Staff.Summaries;
using Bot.Staff.Surveys;
using Bot.State;
using Bot.Turns;
using Bot.Units;
using Scoring.Rules;

namespace Bot.Staff;

/// <summary>
/// The staff and officials' side of the bot. Every turn looks the person up afresh and checks
/// the command's roles and the unit's scope before anything is read or written.
/// </summary>
public sealed class StaffBot(
    EnrolmentStore enrolments,
    IUnitDirectory units,
    StaffTexts texts,
    ScoringRules rules,
    EnrolmentCommands enrolment,
    SelfScoringDialog selfScoring,
    AppraisalDialog appraisal,
    DisqualificationDialog disqualification,
    SummaryCommands summaries,
    SurveyStaffCommands surveys,
    RecognitionCommands recognitions,
    ScoringAssistant assistant)
{
    /// <summary>Channels where the bot may write first (Bot Connector and Zalo's OA); Direct Line and the web page only answer.</summary>
    private static readonly HashSet<string> ProactiveChannels = ["msteams", "zalo"];

    public async Task OnCommandAsync(TurnContext turn, StaffCommand command, CancellationToken cancellationToken)
    {
        var staff = await LoadAsync(turn, cancellationToken);
        if (!StaffAccess.Allows(command.Kind, staff.Person))
        {
            turn.Say(texts.Text("staff.refused"));
            return;
        }
        var wasInDialog = turn.State.Phase == Phases.Staff;
        await RunAsync(staff, command, cancellationToken);
        // A question asked in the middle of a dialog: answered, then the dialog goes on where it was.
        if (wasInDialog && turn.State.Phase == Phases.Staff && !StartsDialog(command.Kind))
        {
            await RepromptAsync(staff, cancellationToken);
        }
    }

    /// <summary>A message inside a staff dialog: the person must still hold the role and the commune must still be in their scope.</summary>
    public async Task OnDialogAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        var staff = await LoadAsync(turn, cancellationToken);
        var progress = turn.State.Staff;
        if (progress is null || staff.Person is not { } person
            || !StaffAccess.Allows(CommandOf(progress.Mode), person) || !StaffAccess.Covers(person, progress.CommuneId, staff.Tree))
        {
            turn.State.Phase = Phases.Idle;
            turn.State.Staff = null;
            turn.Say(texts.Text("staff.refused"));
            return;
        }
        await (progress.Mode switch
        {
            StaffModes.SelfScoring => selfScoring.ContinueAsync(staff, text, cancellationToken),
            StaffModes.Appraisal => appraisal.ContinueAsync(staff, text, cancellationToken),
            StaffModes.Paper or StaffModes.Cadre => surveys.ContinueAsync(staff, text, cancellationToken),
            _ => disqualification.ContinueAsync(staff, text, cancellationToken),
        });
    }

    /// <summary>"trợ giúp" from an enrolled person: the commands of their role. False for anyone else, whose help is the survey's.</summary>
    public async Task<bool> TryHelpAsync(TurnContext turn)
    {
        if (await enrolments.FindByIdentityAsync(turn.UserKey) is not { } person)
        {
            return false;
        }
        turn.Say(texts.Text("help." + StaffRoles.Name(person.Role)));
        return true;
    }

    /// <summary>A question outside any staff dialog: answered for an enrolled person; false for anyone else, whose turn is the survey's.</summary>
    public async Task<bool> TryAskAsync(TurnContext turn, string question, CancellationToken cancellationToken)
    {
        var staff = await LoadAsync(turn, cancellationToken);
        if (!StaffAccess.Allows(StaffCommandKind.Ask, staff.Person))
        {
            return false;
        }
        await AskAsync(staff, question, cancellationToken);
        return true;
    }

    private async Task AskAsync(StaffTurn staff, string question, CancellationToken cancellationToken)
    {
        if (question.Trim().Length == 0)
        {
            staff.Turn.Say(texts.All["assistant.answer.empty"]);
            return;
        }
        var answer = await assistant.AnswerAsync(question, new Asker(staff.Person!, staff.Tree, staff.Year, staff.Turn.Now), cancellationToken);
        staff.Turn.Say(answer.Text);
    }

    private async Task<StaffTurn> LoadAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var person = await enrolments.FindByIdentityAsync(turn.UserKey);
        if (person is not null)
        {
            // A write like any other a turn decides on: after the save, so a rerun does not repeat it.
            turn.AfterSave(_ => RememberAsync(turn, person));
        }
        var year = turn.Now.ToOffset(rules.Calendar.Offset).Year;
        return new StaffTurn(turn, person, await units.TreeAsync(cancellationToken), year);
    }

    /// <summary>Keeps where this person can be written to first, for reminders, on channels that allow it.</summary>
    private async Task RememberAsync(TurnContext turn, Person person)
    {
        if (ProactiveChannels.Contains(turn.ChannelId) && Reference(turn) is { } reference)
        {
            await enrolments.SaveReferenceAsync(person.Id, turn.UserKey, reference);
        }
    }

    private async Task RunAsync(StaffTurn staff, StaffCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case StaffCommandKind.Ask:
                await AskAsync(staff, command.Rest, cancellationToken);
                break;
            case StaffCommandKind.Enrol:
                // Remembered from this turn on, so even someone who never writes again gets reminders.
                enrolment.Enrol(staff, command.Rest, enrolled => RememberAsync(staff.Turn, enrolled));
                break;
            case StaffCommandKind.WhoAmI:
                EnrolmentCommands.WhoAmI(staff, texts);
                break;
            case StaffCommandKind.LinkChannel:
                enrolment.LinkChannel(staff);
                break;
            case StaffCommandKind.CreateCode:
                enrolment.CreateCode(staff, command.Rest);
                break;
            case StaffCommandKind.Enrolments:
                await enrolment.ListAsync(staff);
                break;
            case StaffCommandKind.Revoke:
                await enrolment.RevokeAsync(staff, command.Rest);
                break;
            case StaffCommandKind.SelfScore:
                await selfScoring.BeginAsync(staff, cancellationToken);
                break;
            case StaffCommandKind.Appraise:
                await appraisal.BeginAsync(staff, command.Rest, cancellationToken);
                break;
            case StaffCommandKind.Disqualify:
                await disqualification.BeginAsync(staff, command.Rest, lift: false, cancellationToken);
                break;
            case StaffCommandKind.Lift:
                await disqualification.BeginAsync(staff, command.Rest, lift: true, cancellationToken);
                break;
            case StaffCommandKind.Scorecard:
                await summaries.ScorecardAsync(staff, command.Rest, cancellationToken);
                break;
            case StaffCommandKind.Rollup:
                await summaries.RollupAsync(staff, command.Rest, cancellationToken);
                break;
            case StaffCommandKind.Export:
                await summaries.ExportAsync(staff, command.Rest, cancellationToken);
                break;
            case StaffCommandKind.Recognise:
                await recognitions.RecogniseAsync(staff, command.Rest, cancellationToken);
                break;
            case StaffCommandKind.RevokeRecognition:
                recognitions.Revoke(staff, command.Rest);
                break;
            case StaffCommandKind.History:
                await recognitions.HistoryAsync(staff, command.Rest, cancellationToken);
                break;
            case var kind when SurveyStaffCommands.Handles(kind):
                await surveys.RunAsync(staff, command, cancellationToken);
                break;
        }
    }

    private Task RepromptAsync(StaffTurn staff, CancellationToken cancellationToken) => staff.Turn.State.Staff!.Mode switch
    {
        StaffModes.SelfScoring => selfScoring.RepromptAsync(staff, cancellationToken),
        StaffModes.Appraisal => appraisal.RepromptAsync(staff, cancellationToken),
        _ => Task.CompletedTask,
    };

    private static bool StartsDialog(StaffCommandKind kind) =>
        kind is StaffCommandKind.SelfScore or StaffCommandKind.Appraise or StaffCommandKind.Disqualify or StaffCommandKind.Lift
            or StaffCommandKind.PaperForms or StaffCommandKind.InviteCadre;

    private static StaffCommandKind CommandOf(string mode) => mode switch
    {
        StaffModes.SelfScoring => StaffCommandKind.SelfScore,
        StaffModes.Appraisal => StaffCommandKind.Appraise,
        StaffModes.Lift => StaffCommandKind.Lift,
        StaffModes.Paper => StaffCommandKind.PaperForms,
        StaffModes.Cadre => StaffCommandKind.InviteCadre,
        _ => StaffCommandKind.Disqualify,
    };

    private static ConversationReference? Reference(TurnContext turn)
    {
        var activity = turn.Activity;
        return activity is { Conversation.Id: { } conversationId, From.Id: { } userId, Recipient.Id: { } botId }
            ? new ConversationReference(turn.ChannelId, activity.ServiceUrl ?? "", conversationId, userId, botId)
            : null;
    }
}
