using Bot.Activities;

namespace Bot.Dialogs.Steps;

/// <summary>A free-text answer (comment, name, address, village), optional where the file says so.</summary>
public sealed class TextStep : IStepHandler
{
    private const int DefaultMaxLength = 1000;

    public string Kind => Scoring.Scheme.StepKinds.Text;
    public bool WaitsForInput => true;

    public void Prompt(StepContext context) =>
        context.Turn.Say(context.Fill(context.Step.Text!), context.Step.Optional ? [CardAction.ImBack(context.Texts["button.skip"])] : null, expectingInput: true);

    public StepResult Handle(StepContext context, string text, string key)
    {
        // An empty message (a picture, a voice message) never reaches a step, nor does "không ạ" at an optional one
        // (no answer): the engine answers them.
        var max = context.Step.MaxLength ?? DefaultMaxLength;
        return text.Length > max
            ? StepResult.Invalid(context.Texts.Format("reprompt.textTooLong", ("max", max)))
            : StepResult.Accept(text);
    }
}
