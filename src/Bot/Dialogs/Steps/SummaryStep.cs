using System.Globalization;
using Bot.Activities;
using Scoring.Scheme;

namespace Bot.Dialogs.Steps;

/// <summary>Lists every answer, numbered; "gửi" submits, "sửa N" goes back to answer N.</summary>
public sealed class SummaryStep : IStepHandler
{
    public string Kind => StepKinds.Summary;
    public bool WaitsForInput => true;

    public void Prompt(StepContext context)
    {
        var items = Items(context.Dialog);
        var lines = items.Select((index, i) => context.Texts.Format("summary.line", ("n", i + 1), ("label", Label(context, context.Dialog.Steps[index])), ("answer", Answer(context, context.Dialog.Steps[index]))));
        var text = string.Join("\n", [context.Fill(context.Step.Text!), .. lines, context.Texts["summary.hint"]]);
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
        var items = Items(context.Dialog);
        if (context.Texts.Edit.Rest(key) is { } rest)
        {
            if (int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= items.Count)
            {
                return StepResult.Jump(items[n - 1]);
            }
            return StepResult.Invalid(context.Texts.Format("summary.badEdit", ("n", rest), ("count", items.Count)));
        }
        return StepResult.Invalid(context.Texts["reprompt.summary"]);
    }

    /// <summary>The indexes of the steps whose answers the summary lists: every choice and text step.</summary>
    public static IReadOnlyList<int> Items(SurveyDialog dialog) =>
        dialog.Steps.Select((step, index) => (step, index))
            .Where(s => s.step.Kind is StepKinds.Choice or StepKinds.Text)
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
