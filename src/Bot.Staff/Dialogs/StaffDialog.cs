using Bot.Dialogs;
using Bot.State;

namespace Bot.Staff.Dialogs;

/// <summary>
/// A staff dialog as the routes see it: the frame it keeps on the conversation's stack, the
/// commands that begin it, the command whose roles the person must still hold each turn, and what
/// the next message of it does. Two shapes derive from it: <see cref="PromptDialog{TFrame}"/>, a
/// few prompts one after another, and <see cref="RubricDialog{TFrame, TWork}"/>, a walk through the rubric.
/// </summary>
public abstract class StaffDialog(StaffTexts texts, BotTexts common)
{
    /// <summary>The type of frame this dialog keeps on the stack.</summary>
    public abstract Type FrameType { get; }

    /// <summary>The commands that begin this dialog.</summary>
    public abstract IReadOnlyList<StaffCommandKind> BegunBy { get; }

    /// <summary>The command whose roles the person must hold to go on with <paramref name="frame"/>.</summary>
    public virtual StaffCommandKind CommandFor(StaffFrame frame) => BegunBy[0];

    public abstract Task ContinueAsync(StaffTurn staff, string text, CancellationToken cancellationToken);

    /// <summary>Says where the dialog is again, after a command answered in the middle of it or a dialog begun over it ended.</summary>
    public virtual Task RepromptAsync(StaffTurn staff, CancellationToken cancellationToken) => Task.CompletedTask;

    protected StaffTexts Texts => texts;

    protected BotTexts Common => common;

    /// <summary>"dừng" or "hủy": every staff dialog can be left with either (<see cref="StaffTexts.Stops"/>).</summary>
    protected bool IsStop(string text) => texts.Stops(text);

    /// <summary>
    /// "Xin chào", "alo": no answer to any prompt (a score, a village, a sheet's number). Greeted back, and true, so the
    /// dialog asks its prompt again rather than read the greeting as the answer.
    /// </summary>
    protected bool GreetedBack(StaffTurn staff, string text)
    {
        if (!common.Greeting.MatchesTyped(text))
        {
            return false;
        }
        staff.Turn.Say(texts.Text("staff.greetedInDialog"));
        return true;
    }

    /// <summary>A step that says something and is done, where a step is asynchronous.</summary>
    protected static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}

/// <summary>A staff dialog whose frame is a <typeparamref name="TFrame"/>.</summary>
public abstract class StaffDialog<TFrame>(StaffTexts texts, BotTexts common) : StaffDialog(texts, common)
    where TFrame : StaffFrame
{
    public sealed override Type FrameType => typeof(TFrame);

    /// <summary>This dialog's frame, innermost on the stack while the dialog runs.</summary>
    protected static TFrame FrameOf(StaffTurn staff) => (TFrame)staff.Turn.State.Staff!;
}
