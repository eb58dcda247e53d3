namespace Bot.Dialogs;

/// <summary>Runs one kind of step: shows it, and judges the user's answer to it.</summary>
public interface IStepHandler
{
    string Kind { get; }

    /// <summary>Whether the step waits for the user (a message step does not).</summary>
    bool WaitsForInput { get; }

    void Prompt(StepContext context);

    StepResult Handle(StepContext context, string text, string key);
}
