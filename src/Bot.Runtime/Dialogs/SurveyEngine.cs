using Bot.Activities;
using Bot.State;
using Bot.Turns;
using Scoring.Scheme;

namespace Bot.Dialogs;

/// <summary>
/// Runs a survey dialog from dialogs/surveys: the steps' handlers by kind, and the words that
/// work at any point (quay lại, bỏ qua, hủy, trợ giúp, bắt đầu lại). Pure: it changes the
/// turn's state and replies, and does no I/O.
/// </summary>
public sealed class SurveyEngine(SchemeDefinition scheme, BotTexts texts, IEnumerable<IStepHandler> handlers)
{
    private const int InvalidBeforeHelp = 3;

    private readonly Dictionary<string, IStepHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly AskedInSurvey _asked = new(texts);

    public void Begin(TurnContext turn, SurveyDialog dialog, SurveyTarget target)
    {
        var progress = new SurveyProgress
        {
            DialogId = dialog.Id,
            CommuneId = target.CommuneId,
            CommuneName = target.CommuneName,
            CaseCode = target.CaseCode,
            Year = target.Year,
            ResponseId = Guid.NewGuid().ToString("N"),
            StartedAt = turn.Now,
            Origin = target.Origin,
            FeedbackOnly = target.FeedbackOnly,
        };
        // Answers the invitation already holds (a registered cadre's role and village) are not asked.
        foreach (var step in dialog.Steps.Where(s => s.Field is { } field && target.Fixed.ContainsKey(field)))
        {
            progress.Answers[step.Id] = target.Fixed[step.Field!];
            progress.FixedSteps.Add(step.Id);
        }
        // Answers it knows but the person confirms (a registered cadre's name) are offered at a step that says how.
        foreach (var step in dialog.Steps.Where(s => s.KnownText is not null && s.Field is { } field && target.Known.ContainsKey(field)))
        {
            (progress.Offered ??= [])[step.Id] = target.Known[step.Field!];
        }
        turn.State.Begin(progress);
        RunFrom(Context(turn), 0);
    }

    /// <summary>Shows the current step again (after a resume, or help).</summary>
    public void PromptCurrent(TurnContext turn)
    {
        var context = Context(turn);
        Handler(context.Step).Prompt(context);
    }

    /// <summary>
    /// Handles the user's text at the current step. <paramref name="returning"/>: the user comes
    /// back after a gap, so an answer that does not fit is not held against them.
    /// </summary>
    public void Continue(TurnContext turn, string text, bool returning)
    {
        var context = Context(turn);
        var progress = context.Progress;
        var key = TextNormalizer.Key(text);
        if (progress.PendingChoice is not null && texts.ConfirmReply(key) is null)
        {
            // Not an answer to "… phải không?": a new answer or a command, and the question is dropped.
            progress.PendingChoice = null;
        }
        if (progress.PendingChoice is not null)
        {
            // "Ông/Bà chọn … phải không?" is answered first: "dung" there means "đúng", never "dừng".
            Apply(context, Handler(context.Step).Handle(context, text, key), returning);
        }
        else if (context.Step.Optional && texts.NothingToAdd.MatchesTyped(text) && !context.RepliesToTheOffer(key))
        {
            // "Ông/Bà có góp ý gì thêm không?" — "không ạ" is no comment, not a comment that says "không"; and "thôi",
            // which stops the survey elsewhere, here means "no, that is all": no answer, as "bỏ qua" gives ("ok" to a name offered takes it).
            Skip(context);
        }
        else if (texts.Cancel.MatchesTyped(text) && !ThatIsAllAtTheSummary(context, text))
        {
            End(turn, texts["cancelled"]);
        }
        else if (texts.Restart.MatchesTyped(text))
        {
            turn.Say(texts["restarted"]);
            Begin(turn, context.Dialog, SurveyTarget.Again(progress, context.Dialog));
        }
        else if (texts.AsksHelp(text))
        {
            turn.Say(string.Join("\n", new[] { context.Step.Help, texts["help.general"] }.Where(t => t is not null)));
            Handler(context.Step).Prompt(context);
        }
        else if (context.Step.Kind is StepKinds.Choice or StepKinds.Text && texts.Greeting.MatchesTyped(text))
        {
            // "Xin chào" after a pause is a greeting, never a name, a village or a comment: greeted back (the resume
            // notice already did, for one who comes back), and the same step asked again.
            if (!returning)
            {
                turn.Say(texts["greetedMidSurvey"]);
            }
            Handler(context.Step).Prompt(context);
        }
        else if (texts.Back.MatchesTyped(text))
        {
            GoBack(context);
        }
        else if (texts.Skip.MatchesTyped(text))
        {
            Skip(context);
        }
        else if (context.Step.Kind is StepKinds.Choice or StepKinds.Text && AnswerEdits.BeforeSummary(context, text, key) is { } edit)
        {
            // "sửa câu 3" before the summary: that answer changed or asked again, then on from here.
            Apply(context, edit, returning);
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            // A voice message, a picture or a sticker: nothing to read, and the person should know why.
            Apply(context, StepResult.Invalid(texts["reprompt.notText"]), returning);
        }
        else
        {
            var result = Handler(context.Step).Handle(context, text, key);
            if (_asked.IsQuestion(text, context.Step, result))
            {
                // Answered, not counted as a slip: then the same question again, with no answer guessed from the question waiting.
                context.Progress.PendingChoice = null;
                turn.Say(_asked.Answer(text, context));
                Handler(context.Step).Prompt(context);
                return;
            }
            // A remark instead of an answer is thanked, not "chưa hiểu"; it counts toward the help all the same.
            Apply(context, result.Outcome == StepOutcome.Invalid && SurveyRemarks.TryKeep(context, text, key) ? StepResult.Invalid(texts["remark.kept"]) : result, returning);
        }
    }

    /// <summary>
    /// "Thôi" ("that is all") at the summary, where sending and stopping both cannot be undone: not taken for a stop,
    /// so the summary asks again.
    /// </summary>
    private bool ThatIsAllAtTheSummary(StepContext context, string text) =>
        context.Step.Kind == StepKinds.Summary && texts.NothingToAdd.MatchesTyped(text);

    private void Apply(StepContext context, StepResult result, bool returning)
    {
        var progress = context.Progress;
        switch (result.Outcome)
        {
            case StepOutcome.Accepted:
                Record(context, result.Value);
                break;
            case StepOutcome.Jump:
                if (context.Step.Kind == StepKinds.Summary)
                {
                    progress.ReturnToSummary = true;
                }
                else
                {
                    progress.ResumeAt ??= progress.Step;
                }
                progress.Invalid = 0;
                progress.Step = result.JumpTo;
                Handler(context.Step).Prompt(context);
                break;
            case StepOutcome.Stopped:
                End(context.Turn, result.Message!);
                break;
            case StepOutcome.Edited:
                progress.Answers[context.Dialog.Steps[result.JumpTo].Id] = result.Value!;
                progress.Invalid = 0;
                context.Turn.Say(result.Message!);
                Handler(context.Step).Prompt(context);
                break;
            case StepOutcome.Confirm:
                context.Turn.Say(result.Message!, [CardAction.ImBack(texts["button.confirmYes"]), CardAction.ImBack(texts["button.confirmNo"])], expectingInput: true);
                break;
            case StepOutcome.Later:
                context.Turn.Say(result.Message!, result.Buttons, expectingInput: true);
                break;
            case StepOutcome.Invalid when returning:
                Handler(context.Step).Prompt(context);
                break;
            default:
                progress.Invalid++;
                context.Turn.Say(result.Message!);
                Handler(context.Step).Prompt(context);
                if (progress.Invalid >= InvalidBeforeHelp)
                {
                    context.Turn.Say(texts["offerHelp"]);
                }
                break;
        }
    }

    private void Record(StepContext context, string? value)
    {
        var progress = context.Progress;
        if (context.Step.Opinion && progress.Remark is not null)
        {
            value = SurveyRemarks.WithRemark(context, value ?? "");
        }
        if (value is not null)
        {
            progress.Answers[context.Step.Id] = value;
        }
        progress.History.Add(progress.Step);
        progress.Invalid = 0;
        var next = progress.ReturnToSummary ? SummaryIndex(context.Dialog) : progress.ResumeAt ?? progress.Step + 1;
        progress.ReturnToSummary = false;
        progress.ResumeAt = null;
        RunFrom(context, next);
    }

    private void Skip(StepContext context)
    {
        if (!context.Step.Optional)
        {
            // At the summary, "bỏ qua" is most often the last question's button pressed twice on a slow phone.
            context.Turn.Say(texts[context.Step.Kind == StepKinds.Summary ? "summary.nothingToSkip" : "cannotSkip"]);
            Handler(context.Step).Prompt(context);
            return;
        }
        Record(context, "");
    }

    private void GoBack(StepContext context)
    {
        var progress = context.Progress;
        if (progress.History.Count == 0)
        {
            context.Turn.Say(texts["cannotGoBack"]);
            Handler(context.Step).Prompt(context);
            return;
        }
        progress.Step = progress.History[^1];
        progress.History.RemoveAt(progress.History.Count - 1);
        progress.Invalid = 0;
        progress.ReturnToSummary = false;
        progress.ResumeAt = null;
        Handler(context.Step).Prompt(context);
    }

    /// <summary>Shows steps from <paramref name="index"/> on until one waits for the user, or the survey is submitted.</summary>
    private void RunFrom(StepContext context, int index)
    {
        var progress = context.Progress;
        progress.Step = index;
        while (true)
        {
            if (progress.FixedSteps.Contains(context.Step.Id))
            {
                progress.Step++;
                continue;
            }
            var handler = Handler(context.Step);
            handler.Prompt(context);
            if (context.Step.Kind == StepKinds.Submit)
            {
                context.Turn.State.LastSurvey = LastSurvey(context.Dialog, progress) with { Sent = true };
                context.Turn.State.EndDialog();
                return;
            }
            if (handler.WaitsForInput)
            {
                return;
            }
            progress.Step++;
        }
    }

    /// <summary>Ends the survey without storing anything (cancel, or consent refused).</summary>
    private static void End(TurnContext turn, string message)
    {
        var survey = turn.State.Survey!;
        turn.State.LastSurvey = LastSurvey(survey.DialogId, survey);
        turn.State.EndDialog();
        turn.Say(message);
    }

    private static SurveyStart LastSurvey(SurveyDialog dialog, SurveyProgress progress) => LastSurvey(dialog.Id, progress);

    private static SurveyStart LastSurvey(string dialogId, SurveyProgress progress) =>
        new(dialogId, progress.CommuneId, progress.CaseCode, progress.Origin.InvitationHash);

    private StepContext Context(TurnContext turn)
    {
        var progress = turn.State.Survey ?? throw new InvalidOperationException("No survey in progress.");
        var dialog = scheme.Surveys[progress.DialogId];
        return new StepContext(turn, dialog, scheme.Forms[dialog.Form], progress, texts);
    }

    private IStepHandler Handler(DialogStep step) => _handlers[step.Kind];

    private static int SummaryIndex(SurveyDialog dialog) =>
        dialog.Steps.Select((s, i) => (s, i)).First(x => x.s.Kind == StepKinds.Summary).i;
}
