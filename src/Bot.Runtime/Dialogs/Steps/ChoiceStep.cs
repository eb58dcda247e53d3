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
        var progress = context.Progress;
        if (progress.PendingChoice is { } pending)
        {
            // The answer to "Ông/Bà chọn … phải không?": yes takes it, no asks the question again, anything else is a new answer.
            progress.PendingChoice = null;
            switch (context.Texts.ConfirmReply(key))
            {
                case true:
                    return StepResult.Accept(pending);
                case false:
                    return StepResult.Invalid(context.Texts["confirm.again"]);
            }
        }
        if ((ChoiceOptions.Match(options, key, context.Texts.Politeness) ?? ChoiceOptions.MatchNumberWord(options, text, key, context.Texts)) is { } chosen)
        {
            if (NeedsConfirming(context, key))
            {
                progress.PendingChoice = chosen.Code;
                return StepResult.Confirm(context.Texts.Format("confirm.choice", ("label", chosen.Label)));
            }
            return StepResult.Accept(chosen.Code);
        }
        // Several answers at once ("tốt, khá, tốt"): asked one at a time, where the sentence reader would take one of them.
        if (ChoiceOptions.IsListOfAnswers(options, text, context.Texts.Politeness))
        {
            return StepResult.Invalid(context.Texts["reprompt.oneAtATime"]);
        }
        if (ChoiceOptions.MatchHedged(options, context.Dialog.Hedges, key, context.Texts.Politeness) is { } softened)
        {
            progress.PendingChoice = softened.Code;
            return StepResult.Confirm(context.Texts.Format("confirm.choice", ("label", softened.Label)));
        }
        if (ChoiceOptions.MatchInSentence(options, key) is { } named)
        {
            progress.PendingChoice = named.Code;
            return StepResult.Guess(context.Texts.Format("confirm.choice", ("label", named.Label)));
        }
        var list = string.Join(", ", options.Select((o, i) => context.Texts.Format("choiceList", ("n", i + 1), ("label", o.Label))));
        return StepResult.Invalid(context.Texts.Format("reprompt.choice", ("choices", list)));
    }

    /// <summary>Typed in words the dialog lists as shifting points, said plainly or politely.</summary>
    private static bool NeedsConfirming(StepContext context, string key) =>
        ChoiceOptions.WordsOf(context.Dialog.ConfirmSynonyms, context.Texts.Politeness).Matches(key);

    public static IReadOnlyList<CardAction> Buttons(StepContext context) =>
        ChoiceOptions.For(context).Select(o => CardAction.ImBack(o.Label)).ToList();
}
