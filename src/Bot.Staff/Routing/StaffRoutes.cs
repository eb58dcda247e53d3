using Bot.Activities;
using Bot.Assistant.Answering;
using Bot.Assistant.Answers;
using Bot.Assistant.Questions;
using Bot.Dialogs;
using Bot.People;
using Bot.Staff.Assessments;
using Bot.Staff.Dialogs;
using Bot.Staff.People;
using Bot.Staff.Results;
using Bot.Staff.Summaries;
using Bot.Staff.Surveys;
using Bot.State;
using Bot.Turns;
using Bot.Units;
using Scoring.Rules;

namespace Bot.Staff.Routing;

/// <summary>
/// The staff and officials' routes: a question for the assistant, one route per command, the staff
/// dialog in progress, and "trợ giúp". None of them takes a survey in progress, where every message
/// is an answer (a comment may well begin with "điểm"): they are declared outside it, so an answer
/// does not even ask them. Each command's roles are declared in
/// <see cref="StaffAccess"/>; every turn looks the person up afresh and checks the role and the
/// unit's scope before anything is read or written.
/// </summary>
public sealed class StaffRoutes(
    IUnitDirectory units,
    StaffTexts texts,
    BotTexts common,
    ScoringRules rules,
    QuestionDetector questions,
    ReminderAddresses addresses,
    EnrolmentCommands enrolment,
    StaffDialogSet dialogs,
    SelfScoringDialog selfScoring,
    AppraisalDialog appraisal,
    DisqualificationDialog disqualification,
    SummaryCommands summaries,
    SurveyStaffCommands surveys,
    RecognitionCommands recognitions,
    ScoringAssistant assistant,
    TurnSenders senders)
{
    private delegate Task CommandHandler(StaffTurn staff, string rest, CancellationToken cancellationToken);

    /// <summary>The command a message reads as, worked out once per turn (a unit's name may be looked up for it).</summary>
    private sealed record ReadCommand(StaffCommand? Command);

    public void AddTo(RouteTable routes) => routes.OutsideSurvey(staff =>
    {
        // An enrolled person installing the bot in Teams (again) is greeted as who they are, like their "xin chào".
        staff.OnActivity("staff/joined", ActivityTypes.ConversationUpdate, async (turn, _) =>
            turn.State.Phase is Phase.Idle or Phase.Staff && turn.Activity.PersonJoined() && await senders.PersonAsync(turn) is not null, JoinedAsync);
        // Outside a staff dialog a question may come from anyone: only the enrolled get the assistant, and a citizen's question is the survey's.
        staff.OnMessage("staff/question", IsQuestionFromStaffAsync, async (turn, cancellationToken) => await AskAsync(turn, (await CommandAsync(turn, cancellationToken))!.Rest, cancellationToken));
        foreach (var (kind, handle) in Commands())
        {
            staff.OnMessage("staff/" + kind, (turn, cancellationToken) => IsCommandAsync(turn, kind, cancellationToken), (turn, cancellationToken) => RunCommandAsync(turn, kind, handle, cancellationToken));
        }
        staff.OnMessage("staff/dialog", turn => turn.State.Phase == Phase.Staff, ContinueDialogAsync);
        // "trợ giúp" from an enrolled person: the commands of their role. Anyone else's help is the survey's.
        staff.OnMessage("staff/help", IsHelpFromStaffAsync, HelpAsync);
    });

    /// <summary>
    /// An enrolled person with nothing in progress whose message no route took ("xin chào", a slip):
    /// greeted as who they are, not asked which commune they just visited as a citizen would be.
    /// </summary>
    public void AddGreetingTo(RouteTable routes) => routes.OutsideSurvey(staff =>
        staff.OnMessage("staff/greeting", async (turn, _) => turn.State.Phase == Phase.Idle && await senders.PersonAsync(turn) is not null, GreetAsync));

    /// <summary>The staff greeting; a staff dialog left in progress then says where it was, as after a question asked inside it.</summary>
    private async Task JoinedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await GreetAsync(turn, cancellationToken);
        if (turn.State.Staff is not null)
        {
            await TakeUpAsync(await LoadAsync(turn, cancellationToken), [], answeredInside: true, cancellationToken);
        }
    }

    /// <summary>
    /// A greeting ("chào chị", or joining) is greeted; a thank-you or a nod is answered as one; a slip ("Hải Dương",
    /// "xem lại") is told it is no command, not greeted again.
    /// </summary>
    private async Task GreetAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var person = (await senders.PersonAsync(turn))!;
        var tree = await units.TreeAsync(cancellationToken);
        var key = TextNormalizer.Key(turn.Text);
        var greeted = turn.Activity.Type != ActivityTypes.Message || common.Greeting.Matches(key) || common.Greeting.Rest(key) is not null;
        // "Cảm ơn", "ok", a thumbs-up after an answer: thanked back or nodded to, not told it is no command.
        var reply = greeted ? "staff.greeting"
            : common.Thanks.Matches(key) ? "staff.thanked"
            : common.Acknowledge.Matches(key) ? "staff.acknowledged"
            : texts.Stops(turn.Text) ? "staff.nothingToStop"
            : "staff.notACommand";
        turn.Say(texts.Format(reply, ("role", texts.RoleName(person.Role)), ("unit", tree.NameOf(person.UnitId))));
    }

    private IEnumerable<(StaffCommandKind Kind, CommandHandler Handle)> Commands()
    {
        yield return (StaffCommandKind.Ask, AskAsync);
        // Remembered from this turn on, so even someone who never writes again gets reminders.
        yield return (StaffCommandKind.Enrol, Done((staff, rest) => enrolment.Enrol(staff, rest, enrolled => addresses.RememberAsync(staff.Turn, enrolled))));
        yield return (StaffCommandKind.WhoAmI, Done((staff, _) => EnrolmentCommands.WhoAmI(staff, texts)));
        yield return (StaffCommandKind.LinkChannel, Done((staff, _) => enrolment.LinkChannel(staff)));
        yield return (StaffCommandKind.CreateCode, Done(enrolment.CreateCode));
        yield return (StaffCommandKind.Enrolments, (staff, _, _) => enrolment.ListAsync(staff));
        yield return (StaffCommandKind.Revoke, (staff, rest, _) => enrolment.RevokeAsync(staff, rest));
        yield return (StaffCommandKind.SelfScore, (staff, _, cancellationToken) => selfScoring.BeginAsync(staff, cancellationToken));
        yield return (StaffCommandKind.Appraise, appraisal.BeginAsync);
        yield return (StaffCommandKind.Disqualify, (staff, rest, cancellationToken) => disqualification.BeginAsync(staff, rest, lift: false, cancellationToken));
        yield return (StaffCommandKind.Lift, (staff, rest, cancellationToken) => disqualification.BeginAsync(staff, rest, lift: true, cancellationToken));
        yield return (StaffCommandKind.Scorecard, summaries.ScorecardAsync);
        yield return (StaffCommandKind.Rollup, summaries.RollupAsync);
        yield return (StaffCommandKind.Ranking, summaries.RankingAsync);
        yield return (StaffCommandKind.Export, summaries.ExportAsync);
        yield return (StaffCommandKind.Recognise, recognitions.RecogniseAsync);
        yield return (StaffCommandKind.RevokeRecognition, Done(recognitions.Revoke));
        yield return (StaffCommandKind.History, recognitions.HistoryAsync);
        foreach (var kind in Enum.GetValues<StaffCommandKind>().Where(SurveyStaffCommands.Handles))
        {
            yield return (kind, (staff, rest, cancellationToken) => surveys.RunAsync(staff, new StaffCommand(kind, rest), cancellationToken));
        }
    }

    private static CommandHandler Done(Action<StaffTurn, string> handle) => (staff, rest, _) =>
    {
        handle(staff, rest);
        return Task.CompletedTask;
    };

    /// <summary>
    /// A command, or a question for the assistant. An interrogative wins over a command word
    /// ("điểm camera là bao nhiêu?" asks, it does not open a scorecard); a bare "?" only where
    /// no command matched, or where a summary's words name no unit ("điểm tối thiểu để đạt chuẩn?"). A request
    /// for help alone ("?", "làm sao?") is neither: it asks how to use the bot, or inside a dialog how to answer it.
    /// </summary>
    private async ValueTask<StaffCommand?> CommandAsync(TurnContext turn, CancellationToken cancellationToken) => (await turn.Memo(async () =>
    {
        if (common.AsksHelp(turn.Text))
        {
            return new ReadCommand(null);
        }
        var command = StaffCommand.Parse(turn.Text, texts);
        if (command is not { Kind: StaffCommandKind.Ask }
            && (questions.AsksSomething(turn.Text)
                || (QuestionDetector.EndsWithQuestionMark(turn.Text) && (command is null || await NamesNoUnitAsync(turn, command, cancellationToken)))))
        {
            command = new StaffCommand(StaffCommandKind.Ask, turn.Text);
        }
        return new ReadCommand(command);
    })).Command;

    /// <summary>
    /// A summary's words (after "điểm", "tổng hợp", "xếp hạng") that are not a unit in the sender's scope. "Điểm Cẩm Vũ?"
    /// stays the scorecard; words that name nothing were a question that happened to begin with the command's word.
    /// </summary>
    private async Task<bool> NamesNoUnitAsync(TurnContext turn, StaffCommand command, CancellationToken cancellationToken)
    {
        if (command.Kind is not (StaffCommandKind.Scorecard or StaffCommandKind.Rollup or StaffCommandKind.Ranking))
        {
            return false;
        }
        var (named, _) = UnitLookup.SplitYear(command.Rest, texts, turn.Now.Year);
        if (named.Length == 0)
        {
            return false;
        }
        return await senders.PersonAsync(turn) is not { } person
            || UnitLookup.Find(named, person, await units.TreeAsync(cancellationToken), communesOnly: false).Count == 0;
    }

    private async ValueTask<bool> IsQuestionFromStaffAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.State.Phase != Phase.Staff
        && await CommandAsync(turn, cancellationToken) is { Kind: StaffCommandKind.Ask }
        && StaffAccess.Allows(StaffCommandKind.Ask, await senders.PersonAsync(turn));

    /// <summary>A question outside a staff dialog belongs to <c>staff/question</c> or to the survey, never to a refusal.</summary>
    private async ValueTask<bool> IsCommandAsync(TurnContext turn, StaffCommandKind kind, CancellationToken cancellationToken) =>
        (await CommandAsync(turn, cancellationToken))?.Kind == kind
        && (kind != StaffCommandKind.Ask || turn.State.Phase == Phase.Staff)
        && (!StaffAccess.SaidByCitizensToo(kind) || await senders.PersonAsync(turn) is not null);

    private async ValueTask<bool> IsHelpFromStaffAsync(TurnContext turn, CancellationToken cancellationToken) =>
        common.AsksHelp(turn.Text)
        && await senders.PersonAsync(turn) is not null;

    private async Task RunCommandAsync(TurnContext turn, StaffCommandKind kind, CommandHandler handle, CancellationToken cancellationToken)
    {
        var staff = await LoadAsync(turn, cancellationToken);
        if (!StaffAccess.Allows(kind, staff.Person))
        {
            turn.Say(staff.Person is { } person ? texts.RoleRefusal(kind, person, staff.Tree) : texts.Text("staff.refused"));
            return;
        }
        var before = turn.State.Dialogs.ToList();
        await handle(staff, (await CommandAsync(turn, cancellationToken))!.Rest, cancellationToken);
        // A question asked in the middle of a dialog: answered, then the dialog goes on where it was.
        var answeredInside = !dialogs.Begins(kind) && before.Count > 0 && ReferenceEquals(turn.State.Staff, before[^1]);
        await TakeUpAsync(staff, before, answeredInside, cancellationToken);
    }

    /// <summary>A message inside a staff dialog: the person must still hold the role and the commune must still be in their scope.</summary>
    private async Task ContinueDialogAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var staff = await LoadAsync(turn, cancellationToken);
        var progress = turn.State.Staff;
        if (progress is null || staff.Person is not { } person
            || !dialogs.Allows(progress, person) || !StaffAccess.Covers(person, progress.CommuneId, staff.Tree))
        {
            staff.EndDialog();
            turn.Say(texts.Text("staff.refused"));
            return;
        }
        var before = turn.State.Dialogs.ToList();
        await dialogs.For(progress).ContinueAsync(staff, turn.Text, cancellationToken);
        await TakeUpAsync(staff, before, answeredInside: false, cancellationToken);
    }

    /// <summary>
    /// The staff dialog now innermost says where it is, last in the turn, when a command was
    /// answered inside it or when it was below one that ended this turn (a disqualification
    /// recorded in the middle of an appraisal hands the conversation back to the appraisal).
    /// </summary>
    private async Task TakeUpAsync(StaffTurn staff, List<DialogFrame> before, bool answeredInside, CancellationToken cancellationToken)
    {
        var now = staff.Turn.State.Staff;
        var returned = now is not null && before.Count > 1 && !ReferenceEquals(now, before[^1]) && before.Contains(now);
        // The walk handed back to is said only to someone who may still run it, like its next message.
        if (now is not null && (answeredInside || returned)
            && staff.Person is { } person && dialogs.Allows(now, person) && StaffAccess.Covers(person, now.CommuneId, staff.Tree))
        {
            await staff.Turn.SayClosingAsync(() => dialogs.For(now).RepromptAsync(staff, cancellationToken));
        }
    }

    private async Task HelpAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var person = await senders.PersonAsync(turn);
        // An administrator can do all an appraiser can, so both lists are written once and shown to both.
        turn.Say(texts.Format("help." + StaffRoles.Name(person!.Role), ("appraiserCommands", texts.Text("help.appraiserCommands"))));
    }

    private async Task AskAsync(TurnContext turn, string question, CancellationToken cancellationToken) =>
        await AskAsync(await LoadAsync(turn, cancellationToken), question, cancellationToken);

    private async Task AskAsync(StaffTurn staff, string question, CancellationToken cancellationToken)
    {
        if (question.Trim().Length == 0)
        {
            staff.Turn.Say(texts.All["assistant.answer.empty"]);
            return;
        }
        var answer = await assistant.AnswerAsync(question, new Asker(staff.Person!, staff.Tree, staff.Year, staff.Turn.Now)
        {
            AtItem = (staff.Turn.State.Staff as WalkFrame)?.Cursor,
        }, cancellationToken);
        staff.Turn.Say(answer.Text);
    }

    private async Task<StaffTurn> LoadAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var person = await senders.PersonAsync(turn);
        var year = turn.Now.ToOffset(rules.Calendar.Offset).Year;
        return new StaffTurn(turn, person, await units.TreeAsync(cancellationToken), year);
    }
}
