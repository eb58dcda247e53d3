using Bot.Activities;

namespace Bot.Dialogs.Steps;

/// <summary>A free-text answer (comment, name, address, village), optional where the file says so.</summary>
public sealed class TextStep : IStepHandler
{
    private const int DefaultMaxLength = 1000;

    public string Kind => Scoring.Scheme.StepKinds.Text;
    public bool WaitsForInput => true;

    /// <summary>The question, with the answer the invitation knows (a registered cadre's name) on a button when there is one.</summary>
    public void Prompt(StepContext context)
    {
        var step = context.Step;
        var known = context.Offered;
        CardAction[]? skip = step.Optional ? [CardAction.ImBack(context.Texts["button.skip"])] : null;
        if (known is null)
        {
            // A remark written at a question was kept for this comment: the person sees it is there.
            var kept = step.Opinion && context.Progress.Remark is { } remark ? SurveyRemarks.KeptLine(context.Texts, remark) + "\n" : "";
            context.Turn.Say(kept + context.Fill(step.Text!), skip, expectingInput: true);
            return;
        }
        context.Turn.Say(context.Fill(step.KnownText ?? step.Text!), [CardAction.ImBack(known), .. skip ?? []], expectingInput: true);
    }

    public StepResult Handle(StepContext context, string text, string key)
    {
        // An empty message (a picture, a voice message) never reaches a step, nor does "không ạ" at an optional one
        // (no answer): the engine answers them.
        // Where the invitation's answer is offered ("bấm vào tên dưới đây nếu đúng là Ông/Bà"), "đúng rồi" takes it and
        // "không phải" asks for the right one: neither is the answer itself.
        if (context.Offered is { } known && context.Texts.ConfirmReply(key) is { } right)
        {
            return right ? StepResult.Accept(known) : StepResult.Invalid(context.Texts["reprompt.knownNotRight"]);
        }
        var max = context.Step.MaxLength ?? DefaultMaxLength;
        return text.Length > max
            ? StepResult.Invalid(context.Texts.Format("reprompt.textTooLong", ("max", max)))
            : StepResult.Accept(text);
    }
}
