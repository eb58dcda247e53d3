using Bot.Dialogs;
using Bot.State;
using Scoring.Text;

namespace Bot.Staff.Dialogs;

/// <summary>
/// A short staff dialog: a few prompts one after another (a disqualification's case and note, a
/// paper sheet's number and answers, a cadre's role, village and name). Each prompt is a step
/// keyed by what the dialog's frame is waiting for; "dừng" or "hủy" leaves at any step.
/// </summary>
public abstract class PromptDialog<TFrame>(StaffTexts texts, BotTexts common) : StaffDialog<TFrame>(texts, common)
    where TFrame : StaffFrame
{
    protected delegate Task PromptStep(StaffTurn staff, TFrame frame, string text, string key, CancellationToken cancellationToken);

    /// <summary>The steps in the order they are asked; a frame waiting for something else (stored by an older version) goes to the first.</summary>
    protected abstract IReadOnlyList<(StaffAwaiting Awaiting, PromptStep Handle)> Steps { get; }

    /// <summary>The key of the text said when the person leaves.</summary>
    protected abstract string StoppedText { get; }

    /// <summary>Asks what <paramref name="frame"/> waits for: the first time, and again after a greeting or a slip.</summary>
    protected abstract void Ask(StaffTurn staff, TFrame frame);

    /// <summary>What is said when the person leaves at <paramref name="frame"/>: the <see cref="StoppedText"/>, unless the dialog has more to say.</summary>
    protected virtual string Stopped(TFrame frame) => Texts.Text(StoppedText);

    public sealed override Task ContinueAsync(StaffTurn staff, string text, CancellationToken cancellationToken)
    {
        var frame = FrameOf(staff);
        var key = TextNormalizer.Key(text);
        if (IsStop(text))
        {
            staff.Turn.Say(Stopped(frame));
            staff.EndDialog();
            return Task.CompletedTask;
        }
        if (GreetedBack(staff, text))
        {
            Ask(staff, frame);
            return Task.CompletedTask;
        }
        var step = Steps.FirstOrDefault(s => s.Awaiting == frame.Awaiting);
        return (step.Handle ?? Steps[0].Handle)(staff, frame, text, key, cancellationToken);
    }
}
