using System.Globalization;
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
        var items = Items(context.Dialog, context.Progress);
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
        var items = Items(context.Dialog, context.Progress);
        if (EditedInOneGo(context, key, items) is { } edited)
        {
            return edited;
        }
        // "sửa N" with N on the list went to its line above; what is left after "sửa" here is no line's number.
        if (context.Texts.Edit.Rest(key) is { } rest)
        {
            return StepResult.Invalid(context.Texts.Format("summary.badEdit", ("n", rest), ("count", items.Count)));
        }
        return StepResult.Invalid(context.Texts["reprompt.summary"]);
    }

    /// <summary>
    /// "câu 4 sửa lại là khá", "sửa câu 2 thành tốt", "đổi 3 sang trung bình": a number after "câu", "sửa" or "đổi", and
    /// after it, as the message ends, an answer of that question: changed at once. A number with no answer after it
    /// ("sửa 4", "câu 4") goes to that line; so does a line that is not a question (a name), which is asked again.
    /// </summary>
    private static StepResult? EditedInOneGo(StepContext context, string key, IReadOnlyList<int> items)
    {
        var words = key.Split(' ');
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (!context.Texts.QuestionNumber.Matches(words[i])
                || !int.TryParse(words[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > items.Count)
            {
                continue;
            }
            var step = context.Dialog.Steps[items[n - 1]];
            if (step.Kind != StepKinds.Choice)
            {
                return StepResult.Jump(items[n - 1]);
            }
            var options = ChoiceOptions.For(step, context.Dialog, context.Form);
            for (var from = i + 2; from < words.Length; from++)
            {
                if (ChoiceOptions.Match(options, string.Join(' ', words[from..]), context.Texts.Politeness) is { } chosen)
                {
                    return StepResult.Edited(items[n - 1], chosen.Code, context.Texts.Format("summary.edited", ("n", n), ("label", chosen.Label)));
                }
            }
            return StepResult.Jump(items[n - 1]);
        }
        return null;
    }

    /// <summary>
    /// The indexes of the steps the summary numbers: the questions in their order, then every other
    /// choice and text step as asked, leaving out what the invitation fixed.
    /// </summary>
    public static IReadOnlyList<int> Items(SurveyDialog dialog, SurveyProgress progress) =>
        dialog.Steps.Select((step, index) => (step, index))
            .Where(s => s.step.Kind is StepKinds.Choice or StepKinds.Text && !progress.FixedSteps.Contains(s.step.Id))
            .OrderBy(s => s.step.Question ?? int.MaxValue)
            .ThenBy(s => s.index)
            .Select(s => s.index)
            .ToList();

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
        return step.Kind == StepKinds.Choice
            ? ChoiceOptions.For(step, context.Dialog, context.Form).First(o => o.Code == answer).Label
            : answer;
    }
}
