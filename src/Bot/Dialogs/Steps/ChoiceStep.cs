using Bot.Activities;

namespace Bot.Dialogs.Steps;

/// <summary>A question with fixed answers: buttons first, and typed words, numbers or synonyms accepted.</summary>
public sealed class ChoiceStep : IStepHandler
{
    public string Kind => Scoring.Scheme.StepKinds.Choice;
    public bool WaitsForInput => true;

    public void Prompt(StepContext context)
    {
        var step = context.Step;
        var text = step.Question is { } number
            ? context.Texts.Format("question", ("n", number), ("total", context.Form.Questions.Count), ("text", context.Form.Questions[number - 1].Text))
            : context.Fill(step.Text!);
        context.Turn.Say(text, Buttons(context), expectingInput: true);
    }

    public StepResult Handle(StepContext context, string text, string key)
    {
        var options = ChoiceOptions.For(context);
        if (ChoiceOptions.Match(options, key) is { } chosen)
        {
            return StepResult.Accept(chosen.Code);
        }
        var list = string.Join(", ", options.Select((o, i) => context.Texts.Format("choiceList", ("n", i + 1), ("label", o.Label))));
        return StepResult.Invalid(context.Texts.Format("reprompt.choice", ("choices", list)));
    }

    public static IReadOnlyList<CardAction> Buttons(StepContext context) =>
        ChoiceOptions.For(context).Select(o => CardAction.ImBack(o.Label)).ToList();
}
