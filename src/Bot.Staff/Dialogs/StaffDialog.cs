using Bot.Dialogs;
using Bot.State;

namespace Bot.Staff.Dialogs;

/// <summary>
/// A staff dialog as the routes see it: the dialogs it runs on the conversation's stack (by
/// <see cref="StaffMode"/>), the command whose roles each needs, and what the next message of a
/// dialog in progress does. Two shapes derive from it: <see cref="PromptDialog"/>, a few prompts
/// one after another, and <see cref="RubricDialog{TWork}"/>, a walk through the rubric.
/// </summary>
public abstract class StaffDialog(StaffTexts texts, BotTexts common)
{
    /// <summary>The dialogs this class runs, each with the command whose roles it needs every turn.</summary>
    public abstract IReadOnlyDictionary<StaffMode, StaffCommandKind> Runs { get; }

    public abstract Task ContinueAsync(StaffTurn staff, string text, CancellationToken cancellationToken);

    /// <summary>Says where the dialog is again, after a command answered in the middle of it; the short dialogs need not.</summary>
    public virtual Task RepromptAsync(StaffTurn staff, CancellationToken cancellationToken) => Task.CompletedTask;

    protected StaffTexts Texts => texts;

    protected BotTexts Common => common;

    /// <summary>"dừng" or "hủy": every staff dialog can be left with either.</summary>
    protected bool IsStop(string key) => texts.Stop.Matches(key) || common.Cancel.Matches(key);

    /// <summary>A step that says something and is done, where a step is asynchronous.</summary>
    protected static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
