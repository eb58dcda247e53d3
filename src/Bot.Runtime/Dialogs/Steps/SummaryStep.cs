using Bot.Activities;
using Bot.State;
using Scoring.Scheme;

namespace Bot.Dialogs.Steps;

/// <summary>
/// Lists every answer, numbered, the five questions first so that "sửa 3" is question 3 on every
/// form; "gửi" submits, "sửa N" goes back to the line numbered N. What an invitation fixed (a
/// registered cadre's role and village) is shown unnumbered, and cannot be edited.
/// </summary>
public sealed class SummaryStep : IStepHandler
{
    public string Kind => StepKinds.Summary;
    public bool WaitsForInput => true;

    public void Prompt(StepContext context)
    {
        var items = AnswerEdits.Numbered(context.Dialog, context.Progress);
        var fixedLines = context.Dialog.Steps.Where(s => context.Progress.FixedSteps.Contains(s.Id))
            .Select(s => context.Texts.Format("summary.fixedLine", ("label", Label(context, s)), ("answer", Answer(context, s))));
        var lines = items.Select((index, i) => context.Texts.Format("summary.line", ("n", i + 1), ("label", Label(context, context.Dialog.Steps[index])), ("answer", Answer(context, context.Dialog.Steps[index]))));
        var text = string.Join("\n", [context.Fill(context.Step.Text!), .. fixedLines, .. lines, context.Texts["summary.hint"]]);
        var buttons = new List<CardAction> { CardAction.ImBack(context.Texts["button.submit"]) };
        buttons.AddRange(items.Select((_, i) => CardAction.ImBack(context.Texts.Format("button.edit", ("n", i + 1)))));
        context.Turn.Say(text, buttons, expectingInput: true);
    }

    public StepResult Handle(StepContext context, string text, string key)
    {
        if (context.Texts.Submit.Matches(key))
        {
            return StepResult.Accept(null);
        }
        if (AnswerEdits.AtSummary(context, key) is { } edited)
        {
            return edited;
        }
        // "sửa N" with N on the list went to its line above; what is left after "sửa" here is no line's number.
        if (context.Texts.Edit.Rest(key) is { } rest)
        {
            return StepResult.Invalid(context.Texts.Format("summary.badEdit", ("n", rest), ("count", AnswerEdits.Numbered(context.Dialog, context.Progress).Count)));
        }
        return StepResult.Invalid(context.Texts["reprompt.summary"]);
    }

    private static string Label(StepContext context, DialogStep step) =>
        step.Question is { } number
            ? context.Texts.Format("summary.question", ("n", number))
            : context.Texts["field." + step.Field];

    private static string Answer(StepContext context, DialogStep step)
    {
        var answer = context.Progress.Answers.GetValueOrDefault(step.Id);
        if (string.IsNullOrEmpty(answer))
        {
            return context.Texts["summary.none"];
        }
        if (step.Kind != StepKinds.Choice)
        {
            return answer;
        }
        var label = ChoiceOptions.For(step, context.Dialog, context.Form).First(o => o.Code == answer).Label;
        // "Câu 2: Trung bình" alone asks the person to remember what question 2 was: its topic is said beside it.
        return step.Question is { } number && context.Form.Questions.FirstOrDefault(q => q.Number == number) is { Topic: { Length: > 0 } topic }
            ? context.Texts.Format("summary.rated", ("answer", label), ("topic", topic))
            : label;
    }
}
