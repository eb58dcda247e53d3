using Bot.Activities;

namespace Bot.Dialogs;

/// <summary>What a step made of the user's input.</summary>
public sealed record StepResult(StepOutcome Outcome, string? Value = null, string? Message = null, int JumpTo = -1)
{
    /// <summary>The buttons said with <see cref="Message"/> where the step waits on it (<see cref="Later"/>).</summary>
    public IReadOnlyList<CardAction> Buttons { get; init; } = [];

    /// <summary>
    /// The answer was guessed from a sentence that names it (<see cref="Guess"/>), not read: a question that names an
    /// option ("trung bình là sao?") is still a question.
    /// </summary>
    public bool Guessed { get; init; }

    public static StepResult Accept(string? value) => new(StepOutcome.Accepted, value);

    public static StepResult Invalid(string message) => new(StepOutcome.Invalid, Message: message);

    public static StepResult Stop(string message) => new(StepOutcome.Stopped, Message: message);

    public static StepResult Jump(int stepIndex) => new(StepOutcome.Jump, JumpTo: stepIndex);

    /// <summary>A summary's line changed in one message ("câu 4 sửa lại là khá"): the step's new answer, said back, then the summary again.</summary>
    public static StepResult Edited(int stepIndex, string value, string message) => new(StepOutcome.Edited, value, message, stepIndex);

    /// <summary>Asks the person back before taking an answer ("Ông/Bà chọn “Yếu” phải không?").</summary>
    public static StepResult Confirm(string question) => new(StepOutcome.Confirm, Message: question);

    /// <summary>Asks the person back about the one answer a sentence names ("thái độ cán bộ rất tốt": "Ông/Bà chọn “Tốt” phải không?").</summary>
    public static StepResult Guess(string question) => new(StepOutcome.Confirm, Message: question) { Guessed = true };

    /// <summary>"Để sau": said back with the step's buttons, and the step waits as it is, not counted as a slip nor asked again at once.</summary>
    public static StepResult Later(string message, IReadOnlyList<CardAction> buttons) => new(StepOutcome.Later, Message: message) { Buttons = buttons };
}

public enum StepOutcome
{
    Accepted,
    Invalid,
    Stopped,
    Jump,
    Confirm,
    Edited,
    Later,
}
