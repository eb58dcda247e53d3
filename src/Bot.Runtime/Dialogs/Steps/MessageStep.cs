namespace Bot.Dialogs.Steps;

/// <summary>Says its text and moves on without waiting.</summary>
public sealed class MessageStep : IStepHandler
{
    public string Kind => Scoring.Scheme.StepKinds.Message;
    public bool WaitsForInput => false;

    public void Prompt(StepContext context) => context.Turn.Say(context.Fill(context.Step.Text!));

    public StepResult Handle(StepContext context, string text, string key) => StepResult.Accept(null);
}
