namespace Bot.Dialogs;

/// <summary>What a step made of the user's input.</summary>
public sealed record StepResult(StepOutcome Outcome, string? Value = null, string? Message = null, int JumpTo = -1)
{
    public static StepResult Accept(string? value) => new(StepOutcome.Accepted, value);

    public static StepResult Invalid(string message) => new(StepOutcome.Invalid, Message: message);

    public static StepResult Stop(string message) => new(StepOutcome.Stopped, Message: message);

    public static StepResult Jump(int stepIndex) => new(StepOutcome.Jump, JumpTo: stepIndex);

    /// <summary>A summary's line changed in one message ("câu 4 sửa lại là khá"): the step's new answer, said back, then the summary again.</summary>
    public static StepResult Edited(int stepIndex, string value, string message) => new(StepOutcome.Edited, value, message, stepIndex);

    /// <summary>Asks the person back before taking an answer ("Ông/Bà chọn “Yếu” phải không?").</summary>
    public static StepResult Confirm(string question) => new(StepOutcome.Confirm, Message: question);
}

public enum StepOutcome
{
    Accepted,
    Invalid,
    Stopped,
    Jump,
    Confirm,
    Edited,
}
